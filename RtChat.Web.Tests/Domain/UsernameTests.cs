using RtChat.Web.Domain;

namespace RtChat.Web.Tests.Domain;

public sealed class UsernameTests
{
    [TestCase("Alice", "alice")]
    [TestCase("  MixedCase_1  ", "mixedcase_1")]
    [TestCase("already-lower", "already-lower")]
    public void Normalize_trims_and_lowercases(string input, string expected) =>
        Assert.That(Username.Normalize(input), Is.EqualTo(expected));

    [TestCase("ab", ExpectedResult = false)]
    [TestCase("abc", ExpectedResult = true)]
    [TestCase("abcdefghij0123456789", ExpectedResult = true)]
    [TestCase("abcdefghij0123456789x", ExpectedResult = false)]
    public bool IsValid_accepts_3_to_20_characters(string username)
    {
        Assert.That(username, Has.Length.AnyOf(2, 3, 20, 21), "the boundaries themselves");
        return Username.IsValid(username);
    }

    [TestCase("a-b_c9")]
    [TestCase("___")]
    [TestCase("2024")]
    public void IsValid_accepts_lowercase_letters_digits_underscore_and_dash(string username) =>
        Assert.That(Username.IsValid(username), Is.True);

    [TestCase("Alice")]
    [TestCase("bad name")]
    [TestCase("bad!")]
    [TestCase("dot.ted")]
    [TestCase("émile")]
    [TestCase("at@sign")]
    [TestCase(" abc")]
    [TestCase("")]
    [TestCase(null)]
    public void IsValid_refuses_anything_else(string? username) =>
        Assert.That(Username.IsValid(username), Is.False);

    [Test]
    public void Every_allowed_character_is_valid()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var c in Username.AllowedCharacters)
                Assert.That(Username.IsValid(new string(c, Username.MinLength)), Is.True, $"'{c}'");
        }
    }

    [Test]
    public void Normalize_then_IsValid_accepts_what_a_user_types_in_capitals() =>
        Assert.That(Username.IsValid(Username.Normalize(" Alice_1 ")), Is.True);
}
