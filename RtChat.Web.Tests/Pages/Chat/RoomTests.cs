using System.Net;
using AngleSharp.Dom;
using RtChat.Web.Data;
using RtChat.Web.Pages.Chat;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>The room page over HTTP: reading history, and the composer with htmx and without.</summary>
public sealed class RoomTests : AppFixture
{
    private const int SendLimit = 3;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Chat:SendLimit"] = SendLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Chat:SendWindow"] = "00:01:00",
    };


    private static IReadOnlyList<long> MessageIds(IParentNode node, string selector = "#messages") =>
        node.QuerySelectorAll($"{selector} article.message").Select(a => long.Parse(a.GetAttribute("data-message-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static async Task<IDocument> FragmentAsync(HttpResponseMessage response) =>
        await WebSession.ParseHtmlAsync(await response.Content.ReadAsStringAsync(), response.RequestMessage!.RequestUri!);

    [Test]
    public async Task Home_while_signed_out_redirects_to_login_and_back_to_the_public_chat()
    {
        var user = TestUser.Create("chat");
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(user);
        using var web = App.NewSession();

        using var challenge = await web.GetAsync("/");
        var login = challenge.Headers.Location;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(challenge.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(login?.AbsolutePath, Is.EqualTo(AccountSteps.LoginPath));
            Assert.That(login?.Query, Is.EqualTo("?ReturnUrl=%2F"));
        }

        using var signedIn = await web.PostLoginAsync(user.Username, user.Password, login!.PathAndQuery);
        Assert.That(signedIn.Headers.Location?.ToString(), Is.EqualTo("/"));

        var home = await web.FollowAsync(signedIn);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(home.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(home.PathAndQuery, Is.EqualTo("/"));
            Assert.That(home.Document.QuerySelector("section.chat")?.GetAttribute("data-chat-room"), Is.EqualTo(ChatSteps.PublicRoom));
            Assert.That(home.Document.QuerySelector(".chat-title")?.TextContent, Is.EqualTo("Public chat"));
            Assert.That(home.Document.Body?.GetAttribute("ws-connect"), Is.EqualTo("/ws?room=public-chat"));
            Assert.That(home.Document.QuerySelector(Composer.FormSelector), Is.Not.Null);
        }
    }

    [Test]
    public async Task Chat_shows_the_newest_30_messages_oldest_first_and_pages_back_30_at_a_time_with_htmx()
    {
        var (web, user) = await App.SignedUpAsync("chat");
        using var _ = web;
        var seeded = await App.SeedMessagesAsync(user, 65);

        var home = await web.GetPageAsync("/");
        var older = home.Document.QuerySelector("#older-messages button[hx-get]");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MessageIds(home.Document), Is.EqualTo(seeded.Skip(35)), "the newest 30, oldest first");
            Assert.That(home.Document.QuerySelector($"#message-{seeded[^1]} .message-body")?.TextContent, Is.EqualTo("Seeded message 65 of 65"));
            Assert.That(older?.TextContent.Trim(), Is.EqualTo("Older messages"));
            Assert.That(older?.GetAttribute("hx-target"), Is.EqualTo("#older-messages"));
            Assert.That(older?.GetAttribute("hx-get"), Does.Contain("handler=Older").And.Contain($"before={seeded[35]}"));
        }

        using var previous = await web.GetAsync(older!.GetAttribute("hx-get")!, htmx: true);
        var fragment = await FragmentAsync(previous);
        var prepend = fragment.QuerySelector("#messages");
        var olderStill = fragment.QuerySelector("#older-messages button[hx-get]");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(previous.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(previous.Headers.Vary, Does.Contain("HX-Request"));
            Assert.That(fragment.QuerySelector("section.chat"), Is.Null, "a fragment, not the page");
            Assert.That(prepend?.GetAttribute("hx-swap-oob"), Is.EqualTo("afterbegin"));
            Assert.That(MessageIds(fragment), Is.EqualTo(seeded.Skip(5).Take(30)), "the 30 before, oldest first");
            Assert.That(olderStill?.GetAttribute("hx-get"), Does.Contain($"before={seeded[5]}"));
        }

        using var oldest = await web.GetAsync(olderStill!.GetAttribute("hx-get")!, htmx: true);
        var last = await FragmentAsync(oldest);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MessageIds(last).TakeLast(5), Is.EqualTo(seeded.Take(5)), "the oldest seeded messages end the last page");
            Assert.That(last.QuerySelector("#older-messages"), Is.Not.Null, "the button's place stays");
            Assert.That(last.QuerySelector("#older-messages button"), Is.Null, "nothing older: no button");
        }
    }

    [Test]
    public async Task Unknown_room_is_not_found()
    {
        var (web, _) = await App.SignedUpAsync("chat");
        using var __ = web;

        using var response = await web.GetAsync("/chat/room/nope");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Sending_with_htmx_answers_204_and_stores_the_trimmed_message()
    {
        var (web, user) = await App.SignedUpAsync("chat");
        using var _ = web;
        var composer = await web.OpenComposerAsync();
        var text = $"Hello from {user.Username}";

        using var response = await composer.PostAsync($"  {text}\n ");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
            Assert.That(await App.HasMessageAsync(text), Is.True);
        }
    }

    [Test]
    public async Task Sending_an_empty_message_with_htmx_answers_422_with_the_composer_and_its_error()
    {
        var (web, _) = await App.SignedUpAsync("chat");
        using var __ = web;
        var composer = await web.OpenComposerAsync();
        var before = await App.LastMessageIdAsync();

        using var response = await composer.PostAsync("   ");

        var fragment = await FragmentAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(fragment.QuerySelector("section.chat"), Is.Null, "only the composer");
            Assert.That(fragment.QuerySelector($"{Composer.FormSelector} .composer-error")?.TextContent, Is.EqualTo("Write something before sending."));
            Assert.That(fragment.QuerySelector($"{Composer.FormSelector} input[name=__RequestVerificationToken]"), Is.Not.Null, "the next try has a token");
            Assert.That(await App.LastMessageIdAsync(), Is.EqualTo(before), "nothing stored");
        }
    }

    [Test]
    public async Task Sending_an_over_long_message_answers_422_and_keeps_the_typed_text()
    {
        var (web, _) = await App.SignedUpAsync("chat");
        using var __ = web;
        var composer = await web.OpenComposerAsync();
        var tooLong = new string('a', 2000) + "b";

        using var response = await composer.PostAsync(tooLong);

        var fragment = await FragmentAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(fragment.QuerySelector($"{Composer.FormSelector} .composer-error")?.TextContent,
                Does.StartWith("Messages are at most 2,000 characters; this one has 2,001"));
            Assert.That(fragment.QuerySelector("textarea[name=Body]")?.TextContent, Is.EqualTo(tooLong));
            Assert.That(fragment.QuerySelector("textarea[name=Body]")?.GetAttribute("maxlength"), Is.EqualTo("2000"));
            Assert.That(await App.HasMessageAsync(tooLong), Is.False);
        }
    }

    [Test]
    public async Task Sending_faster_than_the_limit_answers_429_and_keeps_the_typed_text()
    {
        var (web, user) = await App.SignedUpAsync("chat");
        using var _ = web;
        var composer = await web.OpenComposerAsync();
        for (var i = 1; i <= SendLimit; i++)
            await composer.SendAsync($"{user.Username} message {i}");
        var oneTooMany = $"{user.Username} one too many";

        using var response = await composer.PostAsync(oneTooMany);

        var fragment = await FragmentAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(fragment.QuerySelector($"{Composer.FormSelector} .composer-error")?.TextContent, Is.EqualTo(RoomModel.TooFast));
            Assert.That(RoomModel.TooFast, Does.Contain("too fast"));
            Assert.That(fragment.QuerySelector("textarea[name=Body]")?.TextContent, Is.EqualTo(oneTooMany));
            Assert.That(await App.HasMessageAsync(oneTooMany), Is.False);
        }
    }

    [Test]
    public async Task Sending_without_htmx_redirects_back_to_the_rooms_address_which_shows_the_message()
    {
        var (web, user) = await App.SignedUpAsync("chat");
        using var _ = web;
        var room = await App.CreateGroupAsync(user);
        var composer = await web.OpenComposerAsync(room);
        var text = $"No script here, {user.Username}";

        using var response = await composer.PostAsync(text, htmx: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = new Uri(web.BaseAddress, response.Headers.Location!);
        var page = await web.FollowAsync(response);
        var id = await App.MessageIdAsync(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(composer.Page.Form(Composer.FormSelector).GetAttribute("action"), Does.StartWith(ChatSteps.RoomPath(room) + "?"),
                "the form posts to the room's own address");
            Assert.That(location.PathAndQuery, Is.EqualTo(ChatSteps.RoomPath(room)),
                "back to the room's address (\"/\" is the public chat), without the handler: reloading does not post again");
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Document.QuerySelector("section.chat")?.GetAttribute("data-chat-room"), Is.EqualTo(room));
            Assert.That(page.Document.QuerySelector($"#messages #message-{id} .message-body")?.TextContent, Is.EqualTo(text));
        }
    }

    [Test]
    public async Task Sending_an_empty_message_without_htmx_shows_the_whole_page_with_the_error()
    {
        var (web, _) = await App.SignedUpAsync("chat");
        using var __ = web;
        var composer = await web.OpenComposerAsync();

        using var response = await composer.PostAsync("", htmx: false);

        var page = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(page.Document.QuerySelector("section.chat #messages"), Is.Not.Null, "the whole room page");
            Assert.That(page.Document.QuerySelector("header"), Is.Not.Null, "with the layout");
            Assert.That(page.Document.QuerySelector($"{Composer.FormSelector} .composer-error")?.TextContent, Is.EqualTo("Write something before sending."));
        }
    }

    [Test]
    public async Task Sending_without_the_antiforgery_token_is_refused_with_400()
    {
        var (web, user) = await App.SignedUpAsync("chat");
        using var _ = web;
        var composer = await web.OpenComposerAsync();
        var text = $"forged by {user.Username}";

        using var withHtmx = await composer.PostAsync(text, fields: new Dictionary<string, string?> { ["__RequestVerificationToken"] = null });
        using var withoutHtmx = await composer.PostAsync(text, htmx: false, fields: new Dictionary<string, string?> { ["__RequestVerificationToken"] = null });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withHtmx.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(withoutHtmx.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await App.HasMessageAsync(text), Is.False);
        }
    }

    [TestCaseSource(typeof(ChatSteps), nameof(ChatSteps.XssPayloads))]
    public async Task Markup_in_a_message_shows_as_text_on_the_page(string payload)
    {
        var (web, user) = await App.SignedUpAsync("chat");
        using var _ = web;
        var composer = await web.OpenComposerAsync();
        var body = $"{payload} from {user.Username}";
        await composer.SendAsync(body);
        var id = await App.MessageIdAsync(body);

        var page = await web.GetPageAsync("/");

        var article = page.Document.QuerySelector($"#message-{id}");
        Assert.That(article, Is.Not.Null, $"message {id} is on the page");
        ChatSteps.AssertShowsInertly(article!, body);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Document.QuerySelectorAll("#composer"), Has.Length.EqualTo(1), "the composer is not replaced");
            Assert.That(page.Document.QuerySelectorAll("#messages [hx-get], #messages [hx-swap-oob], #messages script"), Is.Empty);
        }
    }
}
