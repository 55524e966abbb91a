using RtChat.Web.Domain;

namespace RtChat.Web.Tests.Domain;

/// <summary>The profile's own rules, without a database or HTTP.</summary>
public sealed class ProfileTests
{
    private static RtChat.Web.Domain.Profile NewProfile(string username = "Alice_1") => new(new AppUser(username, "alice@example.test"));

    [Test]
    public void Name_falls_back_to_the_username_until_a_display_name_is_set()
    {
        var profile = NewProfile("Alice_1");
        var before = profile.Name;

        profile.Describe("  Alice L.  ", null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.EqualTo("alice_1"), "the username, stored lowercase");
            Assert.That(profile.Name, Is.EqualTo("Alice L."));
        }
    }

    [Test]
    public void A_blank_display_name_brings_the_username_back()
    {
        var profile = NewProfile();
        profile.Describe("Alice", "About me");

        profile.Describe("   ", "\n\t ");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.DisplayName, Is.Null);
            Assert.That(profile.Info, Is.Null);
            Assert.That(profile.Name, Is.EqualTo("alice_1"));
        }
    }

    [Test]
    public void Describe_trims_the_display_name_and_the_info()
    {
        var profile = NewProfile();

        profile.Describe(" \tAlice ", "\n  Line one\nline two  \n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.DisplayName, Is.EqualTo("Alice"));
            Assert.That(profile.Info, Is.EqualTo("Line one\nline two"));
        }
    }

    [Test]
    public void Display_names_of_twenty_characters_are_kept_and_longer_ones_refused_leaving_the_profile_as_it_was()
    {
        var profile = NewProfile();
        profile.Describe(new string('a', 20), "kept");

        var refused = Assert.Throws<DomainRuleException>(() => profile.Describe(new string('b', 21), "changed"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Message, Does.Contain("20 characters"));
            Assert.That(profile.DisplayName, Is.EqualTo(new string('a', 20)));
            Assert.That(profile.Info, Is.EqualTo("kept"), "nothing changes when one part is refused");
        }
    }

    [Test]
    public void Info_of_500_characters_is_kept_and_longer_refused()
    {
        var profile = NewProfile();
        profile.Describe(null, new string('i', 500));

        var refused = Assert.Throws<DomainRuleException>(() => profile.Describe(null, new string('j', 501)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Message, Does.Contain("500 characters"));
            Assert.That(profile.Info, Has.Length.EqualTo(500));
        }
    }

    [Test]
    public void Limits_apply_after_trimming()
    {
        var profile = NewProfile();

        profile.Describe("  " + new string('a', 20) + "  ", " " + new string('i', 500) + " ");

        Assert.That((profile.DisplayName?.Length, profile.Info?.Length), Is.EqualTo((20, 500)));
    }

    [Test]
    public void Replacing_the_avatar_returns_the_key_it_replaces()
    {
        var profile = NewProfile();

        var first = profile.ReplaceAvatar("0123456789abcdef0123456789abcdef.webp");
        var second = profile.ReplaceAvatar("fedcba9876543210fedcba9876543210.webp");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.Null, "the default avatar is no file");
            Assert.That(second, Is.EqualTo("0123456789abcdef0123456789abcdef.webp"));
            Assert.That(profile.AvatarKey, Is.EqualTo("fedcba9876543210fedcba9876543210.webp"));
        }
    }

    [Test]
    public void Avatar_url_is_the_default_svg_without_a_key_and_the_media_endpoint_with_one()
    {
        var profile = NewProfile();
        var before = profile.AvatarUrl;

        profile.ReplaceAvatar("0123456789abcdef0123456789abcdef.webp");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.EqualTo("/images/avatar.svg"));
            Assert.That(profile.AvatarUrl, Is.EqualTo("/media/0123456789abcdef0123456789abcdef.webp"));
        }
    }
}
