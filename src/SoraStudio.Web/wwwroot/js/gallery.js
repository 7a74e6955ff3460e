// Gallery, timeline and compare: hover scrubbing over spritesheets, sequence playback, synchronised players.

const spriteColumns = 4;
const spriteRows = 3;
let scrubInstalled = false;

// A tile's thumbnail with data-scrub holds a spritesheet layer (4 x 3 frames); moving across it picks a frame.
export function installScrub() {
    if (scrubInstalled) return;
    scrubInstalled = true;
    document.addEventListener('pointermove', e => {
        const box = e.target instanceof Element ? e.target.closest('[data-scrub]') : null;
        if (!box) return;
        const sprite = box.querySelector('.take-tile__sprite');
        if (!sprite) return;
        if (!sprite.style.backgroundImage) sprite.style.backgroundImage = `url("${box.dataset.scrub}")`;
        const rect = box.getBoundingClientRect();
        const ratio = Math.min(0.999, Math.max(0, (e.clientX - rect.left) / rect.width));
        const frame = Math.floor(ratio * spriteColumns * spriteRows);
        const col = frame % spriteColumns, row = Math.floor(frame / spriteColumns);
        sprite.style.backgroundPosition = `${(col * 100) / (spriteColumns - 1)}% ${(row * 100) / (spriteRows - 1)}%`;
        box.classList.add('take-tile__thumb--scrubbing');
        const bar = box.querySelector('.take-tile__scrubbar');
        if (bar) bar.style.width = `${ratio * 100}%`;
    }, { passive: true });
    document.addEventListener('pointerout', e => {
        const box = e.target instanceof Element ? e.target.closest('[data-scrub]') : null;
        if (box && !box.contains(e.relatedTarget)) box.classList.remove('take-tile__thumb--scrubbing');
    }, { passive: true });
}

const sequences = new WeakMap();

// Plays the urls one after another in the video element; tells .NET which one plays (-1 at the end).
export function playSequence(video, urls, from, dotnet) {
    stopSequence(video);
    if (!video || urls.length === 0) return;
    const state = { index: from, urls, dotnet };
    const play = i => {
        state.index = i;
        dotnet.invokeMethodAsync('OnSequenceShot', i);
        if (i >= urls.length) { video.removeAttribute('src'); video.load(); return; }
        video.src = urls[i];
        video.play().catch(() => { /* autoplay refused: the controls stay usable */ });
    };
    state.onEnded = () => play(state.index + 1);
    video.addEventListener('ended', state.onEnded);
    sequences.set(video, state);
    play(from);
}

export function stopSequence(video) {
    const state = video ? sequences.get(video) : null;
    if (!state) return;
    video.removeEventListener('ended', state.onEnded);
    video.pause();
    sequences.delete(video);
}

// Keeps the compare players together: play, pause and seek on one apply to all.
export function syncPlayers(container) {
    if (!container || container.dataset.synced) return;
    container.dataset.synced = 'true';
    const players = () => Array.from(container.querySelectorAll('video'));
    let busy = false;
    const each = (source, fn) => {
        if (busy) return;
        busy = true;
        try { players().filter(p => p !== source).forEach(fn); } finally { busy = false; }
    };
    container.addEventListener('play', e => each(e.target, p => { if (p.paused) { p.currentTime = e.target.currentTime; p.play().catch(() => {}); } }), true);
    container.addEventListener('pause', e => each(e.target, p => { if (!p.paused) p.pause(); }), true);
    container.addEventListener('seeked', e => each(e.target, p => { if (Math.abs(p.currentTime - e.target.currentTime) > 0.05) p.currentTime = e.target.currentTime; }), true);
}

export function playAll(container) {
    players(container).forEach(p => { p.currentTime = 0; p.play().catch(() => {}); });
}

export function seekAll(container, seconds) {
    players(container).forEach(p => { p.pause(); p.currentTime = seconds; });
}

export function pauseAll(container) {
    players(container).forEach(p => p.pause());
}

function players(container) {
    return container ? Array.from(container.querySelectorAll('video')) : [];
}

// How many tiles fit across the element (tiles are at least minWidth px wide).
export function columnsFor(element, minWidth) {
    const width = element ? element.clientWidth : window.innerWidth;
    return Math.max(1, Math.min(8, Math.floor(width / minWidth)));
}
