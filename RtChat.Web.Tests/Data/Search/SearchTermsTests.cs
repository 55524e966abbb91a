using RtChat.Web.Data.Search;
using RtChat.Web.Domain;

namespace RtChat.Web.Tests.Data.Search;

public sealed class SearchTermsTests
{
    [TestCase("budget", "\"budget\"*")]
    [TestCase("  Budget   friday ", "\"Budget\"* \"friday\"*")]
    [TestCase("NEAR(budget friday)", "\"NEAR\"* \"budget\"* \"friday\"*")]
    [TestCase("\"budget\" OR -friday*", "\"budget\"* \"OR\"* \"friday\"*")]
    [TestCase("Body:budget", "\"Body\"* \"budget\"*")]
    [TestCase("café naïve", "\"café\"* \"naïve\"*")]
    [TestCase("budget budget BUDGET", "\"budget\"*")]
    public void Words_become_quoted_prefix_terms_and_nothing_else(string typed, string match) =>
        Assert.That(SearchTerms.Parse(typed).ToFts5Match(), Is.EqualTo(match));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\"*-:^()")]
    public void Nothing_to_search_for_is_refused(string? typed) =>
        Assert.Throws<DomainRuleException>(() => SearchTerms.Parse(typed));

    [Test]
    public void At_most_the_limits()
    {
        Assert.DoesNotThrow(() => SearchTerms.Parse(new string('a', SearchTerms.MaxLength)));
        Assert.DoesNotThrow(() => SearchTerms.Parse(string.Join(" ", Enumerable.Range(0, SearchTerms.MaxWords).Select(i => $"w{i}"))));
        Assert.Throws<DomainRuleException>(() => SearchTerms.Parse(new string('a', SearchTerms.MaxLength + 1)));
        Assert.Throws<DomainRuleException>(() => SearchTerms.Parse(string.Join(" ", Enumerable.Range(0, SearchTerms.MaxWords + 1).Select(i => $"w{i}"))));
    }
}
