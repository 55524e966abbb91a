using System.Runtime.CompilerServices;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace RtChat.Web.Tests.Components;

/// <summary>
/// bUnit contexts for the component tests. bUnit's HTML parser (behind <c>Find</c>, <c>FindAll</c>, <c>Nodes</c>) is
/// built with bUnit's internal <c>HtmlComparer</c>, whose constructor sets up AngleSharp.Diffing: an assembly the
/// registry here does not serve (see the test project file). The parser only stores the comparer; only
/// <c>MarkupMatches</c>/<c>CompareTo</c> use it. So the comparer is registered as an instance whose constructor never
/// ran: rendering and querying work, and those two diffing assertions are off limits (they would fail to load
/// AngleSharp.Diffing). With the full bunit package graph, this becomes <c>new BunitContext()</c>.
/// </summary>
public static class ComponentContext
{
    private static readonly Type HtmlComparer =
        typeof(BunitContext).Assembly.GetType("Bunit.Diffing.HtmlComparer", throwOnError: true)!;

    public static BunitContext Create()
    {
        var context = new BunitContext();
        context.Services.AddSingleton(HtmlComparer, _ => RuntimeHelpers.GetUninitializedObject(HtmlComparer));
        return context;
    }
}

/// <summary>Base of the component tests: a fresh bUnit context per test, disposed after it.</summary>
public abstract class ComponentTest
{
    protected BunitContext Context { get; private set; } = null!;

    [SetUp]
    public void CreateContext() => Context = ComponentContext.Create();

    [TearDown]
    public void DisposeContext() => Context.Dispose();
}
