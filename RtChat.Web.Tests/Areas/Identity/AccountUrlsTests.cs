using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Areas.Identity;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Identity;

public sealed class AccountUrlsTests : AppFixture
{
    [TestCase("/Account/Login", AccountUrls.Login)]
    [TestCase("/Account/Register", AccountUrls.Register)]
    [TestCase("/Account/Logout", AccountUrls.Logout)]
    public void Written_out_addresses_are_the_ones_routing_generates(string page, string written) =>
        Assert.That(written, Is.EqualTo(Links.GetPathByPage(page, values: new { area = "Identity" })));

    [TestCase("/")]
    [TestCase("/chat/room/team chat?handler=Older&before=12")]
    public void The_resend_address_carries_the_page_to_return_to_as_routing_would(string returnUrl) =>
        Assert.That(AccountUrls.ResendEmailConfirmation(returnUrl),
            Is.EqualTo(Links.GetPathByPage("/Account/ResendEmailConfirmation", values: new { area = "Identity", returnUrl })));

    private LinkGenerator Links => App.Services.GetRequiredService<LinkGenerator>();
}
