// The reconnect banner's buttons (App.razor). Wired here, not with onclick attributes: the Content-Security-Policy
// runs scripts from the studio's files only.
document.addEventListener('click', event => {
  const button = event.target.closest('[data-reconnect]');
  if (!button) return;
  if (button.dataset.reconnect === 'retry') window.Blazor.reconnect();
  else location.reload();
});
