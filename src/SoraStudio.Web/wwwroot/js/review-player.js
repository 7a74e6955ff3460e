// The take player seen from the comment thread: read and set its time, and report it as it plays.

export function seek(selector, seconds) {
    const video = document.querySelector(selector);
    if (!video) return;
    video.currentTime = seconds;
}

export function pause(selector) {
    document.querySelector(selector)?.pause();
}

// Calls dotnet.OnPlayerTime(current, duration) on time updates; returns a handle whose dispose() stops it.
export function watch(selector, dotnet) {
    const video = document.querySelector(selector);
    if (!video) return { dispose() { } };
    let last = -1;
    const report = () => {
        const now = Math.round(video.currentTime * 10) / 10;
        if (now === last) return;
        last = now;
        dotnet.invokeMethodAsync('OnPlayerTime', video.currentTime, Number.isFinite(video.duration) ? video.duration : 0);
    };
    const events = ['timeupdate', 'seeked', 'loadedmetadata', 'durationchange'];
    events.forEach(e => video.addEventListener(e, report));
    report();
    return {
        dispose() { events.forEach(e => video.removeEventListener(e, report)); }
    };
}

// Where on the bar a click landed, from 0 to 1.
export function fraction(element, clientX) {
    const box = element.getBoundingClientRect();
    return box.width > 0 ? Math.min(1, Math.max(0, (clientX - box.left) / box.width)) : 0;
}
