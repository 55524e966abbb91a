using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

public sealed class PresenceDotTests : ComponentTest
{
    [Test]
    public void The_dot_is_classed_by_the_user_id()
    {

        var dot = Context.Render<PresenceDot>(p => p.Add(x => x.UserId, "0b6e8f1a-2c3d-4e5f-9a8b-7c6d5e4f3a2b")).Find("span");

        Assert.Multiple(() =>
        {
            Assert.That(dot.ClassList, Is.EquivalentTo(new[] { "presence-dot", "presence-u-0b6e8f1a-2c3d-4e5f-9a8b-7c6d5e4f3a2b" }));
            Assert.That(dot.GetAttribute("aria-hidden"), Is.EqualTo("true"));
        });
    }

    [TestCase("x{}body{display:none}")]
    [TestCase("a b")]
    [TestCase("\" onmouseover=\"alert(1)")]
    [TestCase("")]
    public void An_id_that_does_not_look_like_an_identity_id_gets_no_class_of_its_own(string userId)
    {

        var cut = Context.Render<PresenceDot>(p => p.Add(x => x.UserId, userId));

        var dot = cut.Find("span");
        Assert.Multiple(() =>
        {
            Assert.That(dot.ClassList, Is.EquivalentTo(new[] { "presence-dot", "presence-u-invalid" }));
            Assert.That(dot.Attributes.Select(a => a.Name), Is.EquivalentTo(new[] { "class", "aria-hidden" }));
        });
    }
}
