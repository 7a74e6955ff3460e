// Where a <video> is now, in seconds (0 when there is none): picking a range on the take player.
export function currentTime(selector) {
    const video = document.querySelector(selector);
    return video && Number.isFinite(video.currentTime) ? video.currentTime : 0;
}
