// Watchdeck's service worker: shows an alert's Web Push message as a notification and opens its link on a click.
// The message is the JSON of lib/alerts/push/pushChannel.ts's PushMessage: { title, body, url, tag }.

self.addEventListener("push", (event) => {
  let message = { title: "Watchdeck", body: "Something you watch changed.", url: "/timeline", tag: "watchdeck" };
  try {
    message = { ...message, ...event.data.json() };
  } catch {
    // An empty or unreadable message still says something happened.
  }
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      icon: "/icon.svg",
      data: { url: message.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = event.notification.data?.url || "/timeline";
  event.waitUntil(self.clients.openWindow(url));
});
