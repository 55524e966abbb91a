using RtChat.Web.Tests.Support;
using RtChat.Web.Realtime;

namespace RtChat.Web.Tests.Realtime;

public sealed class CatchUpFloorTests
{
    private readonly ManualClock _clock = new();

    [Test]
    public void With_no_outage_a_resume_starts_from_the_page_newest()
    {
        Assert.That(new CatchUpFloor(_clock).From(500), Is.EqualTo(500));
    }

    [Test]
    public void During_an_outage_and_the_window_after_it_a_resume_starts_from_before_it()
    {
        var floor = new CatchUpFloor(_clock);
        floor.OutageBegan(100);
        _clock.Now += TimeSpan.FromMinutes(10);
        var during = floor.From(500);
        floor.CaughtUp(100);
        _clock.Now += CatchUpFloor.Window - TimeSpan.FromSeconds(1);
        var justBeforeTheEnd = floor.From(500);
        _clock.Now += TimeSpan.FromSeconds(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(during, Is.EqualTo(100));
            Assert.That(justBeforeTheEnd, Is.EqualTo(100));
            Assert.That(floor.From(500), Is.EqualTo(500), "after the window");
            Assert.That(floor.From(50), Is.EqualTo(50), "a page further back starts from its own");
        }
    }

    [Test]
    public void Another_node_catching_up_from_further_back_lowers_the_floor()
    {
        var floor = new CatchUpFloor(_clock);
        floor.CaughtUp(300);
        floor.CaughtUp(200);

        Assert.That(floor.From(500), Is.EqualTo(200));
    }
}
