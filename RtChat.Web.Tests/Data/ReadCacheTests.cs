using RtChat.Web.Data;

namespace RtChat.Web.Tests.Data;

/// <summary>A kept read is reused until forgotten; a read that overlaps a forget may be stale, so it is not kept.</summary>
public sealed class ReadCacheTests
{
    private sealed record Card(string Name);

    private ReadCache<string, Card> _cache = null!;
    private int _loads;

    [SetUp]
    public void CreateCache()
    {
        _cache = new ReadCache<string, Card>(limit: 10);
        _loads = 0;
    }

    [TearDown]
    public void DisposeCache() => _cache.Dispose();

    private Task<Card?> Load(string name)
    {
        _loads++;
        return Task.FromResult<Card?>(new Card(name + " #" + _loads));
    }

    [Test]
    public async Task A_kept_read_is_returned_without_reading_again()
    {
        var first = await _cache.GetAsync("ann", Load);
        var second = await _cache.GetAsync("ann", Load);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(_loads, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_forgotten_key_is_read_again()
    {
        await _cache.GetAsync("ann", Load);
        await _cache.GetAsync("bob", Load);

        _cache.Forget("ann");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await _cache.GetAsync("ann", Load))!.Name, Is.EqualTo("ann #3"));
            Assert.That((await _cache.GetAsync("bob", Load))!.Name, Is.EqualTo("bob #2"), "other keys stay");
        }
    }

    [Test]
    public async Task A_read_under_way_when_its_key_is_forgotten_is_returned_but_not_kept()
    {
        var stale = new TaskCompletionSource<Card?>();
        var reading = _cache.GetAsync("ann", _ => stale.Task);

        _cache.Forget("ann"); // the change commits while the read (of the old row) is under way
        stale.SetResult(new Card("old"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await reading)!.Name, Is.EqualTo("old"), "the reader still gets its answer");
            Assert.That((await _cache.GetAsync("ann", Load))!.Name, Is.EqualTo("ann #1"), "the next reader reads again");
        }
    }

    [Test]
    public async Task Nothing_is_kept_for_a_read_that_finds_nothing()
    {
        Assert.That(await _cache.GetAsync("ghost", _ => Task.FromResult<Card?>(null)), Is.Null);

        Assert.That((await _cache.GetAsync("ghost", Load))!.Name, Is.EqualTo("ghost #1"));
    }

    [Test]
    public async Task Forgetting_all_reads_every_key_again()
    {
        await _cache.GetAsync("ann", Load);
        await _cache.GetAsync("bob", Load);

        _cache.ForgetAll();
        await _cache.GetAsync("ann", Load);
        await _cache.GetAsync("bob", Load);

        Assert.That(_loads, Is.EqualTo(4));
    }
}
