using System.Text.Json;
using Microsoft.Playwright;

namespace RtChat.Web.Tests.Support;

/// <summary>A notification a page created: what the reader would see.</summary>
public sealed record SeenNotification(string Title, string Body, string Tag);

/// <summary>
/// A browser person's notifications, recorded as their pages create them; their tab hidden or shown on demand; and their
/// page's socket, to make it resume.
/// </summary>
public static class NotificationSteps
{
    /// <summary>
    /// Runs before the page's own scripts. The real <c>Notification</c> is wrapped, not replaced: each one is still made by
    /// the browser (with the permission the context granted), and the wrapper writes down its title, body and tag.
    /// A headless page is always visible, and Playwright has no way to hide it, so the tab's visibility is the document's
    /// own <c>visibilityState</c>/<c>hidden</c> (shadowing the prototype's getters) and the browser's own event, fired as a
    /// real tab switch fires it. The page's socket wrapper (htmx-ext-ws) is kept from its open event, to reconnect it, and
    /// the ids of the messages its frames brought are listed.
    /// </summary>
    private const string Recorder = """
        (() => {
          window.__notifications = [];
          const Real = window.Notification;
          if (Real) {
            class Recorded extends Real {
              constructor(title, options) {
                super(title, options);
                window.__notifications.push({ title, body: options?.body ?? "", tag: options?.tag ?? "" });
              }
            }
            Object.defineProperty(Recorded, "permission", { get: () => Real.permission });
            window.Notification = Recorded;
          }
          window.__setHidden = (hidden) => {
            Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
            Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
            document.dispatchEvent(new Event("visibilitychange"));
          };
          // The page's socket, as the browser made it: a test can hand it a frame as if the server had sent it.
          const RealSocket = window.WebSocket;
          window.WebSocket = class extends RealSocket {
            constructor(...args) {
              super(...args);
              window.__lastSocket = this;
            }
          };
          window.__messageFrames = [];
          document.addEventListener("htmx:wsOpen", (event) => { window.__socket = event.detail.socketWrapper; });
          document.addEventListener("htmx:wsAfterMessage", (event) => {
            for (const match of event.detail.message.matchAll(/<article[^>]*data-message-id="(\d+)"/g)) window.__messageFrames.push(Number(match[1]));
          });
        })();
        """;

    /// <summary>Allows notifications in <paramref name="person"/>'s browser and records them from the next page on.</summary>
    public static async Task AllowAndRecordNotificationsAsync(this BrowserPerson person)
    {
        await person.Context.GrantPermissionsAsync(["notifications"]);
        await person.Context.AddInitScriptAsync(Recorder);
    }

    /// <summary>Records notifications from the next page on, the browser's permission left as it is.</summary>
    public static Task RecordNotificationsAsync(this BrowserPerson person) => person.Context.AddInitScriptAsync(Recorder);

    public static Task HideTabAsync(this IPage page) => page.EvaluateAsync("() => window.__setHidden(true)");

    public static Task ShowTabAsync(this IPage page) => page.EvaluateAsync("() => window.__setHidden(false)");

    public static async Task<IReadOnlyList<SeenNotification>> NotificationsAsync(this IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.__notifications)");
        return JsonSerializer.Deserialize<List<SeenNotification>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Waits until socket frames have brought message <paramref name="id"/> to the page <paramref name="times"/> times.</summary>
    public static Task ExpectFramesWithMessageAsync(this IPage page, long id, int times) =>
        page.WaitForFunctionAsync("([id, times]) => window.__messageFrames.filter((m) => m === id).length === times", new object[] { id, times });

    /// <summary>Opens the page's socket again, as htmx-ext-ws does after a dropped connection: the page resumes.</summary>
    public static Task ReconnectSocketAsync(this IPage page) => page.EvaluateAsync("() => window.__socket.reconnect()");
}
