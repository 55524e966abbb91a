using Microsoft.EntityFrameworkCore;

namespace RtChat.Web.Areas.Admin;

/// <summary>One page of a list, numbered from 1, and whether another follows.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Number, bool HasNext)
{
    public bool HasPrevious => Number > 1;
}

public static class Paging
{
    public const int Size = 25;

    /// <summary>Page <paramref name="number"/> of an ordered query: one more row than a page tells whether there is a next.</summary>
    public static async Task<Paged<T>> PageAsync<T>(this IQueryable<T> ordered, int number)
    {
        number = Math.Max(1, number);
        var rows = await ordered.Skip((number - 1) * Size).Take(Size + 1).ToListAsync();
        return new Paged<T>(rows.Take(Size).ToList(), number, rows.Count > Size);
    }

    /// <summary>The current address with its page number replaced, other query values kept (the search).</summary>
    public static string PageUrl(this HttpRequest request, int number)
    {
        var query = request.Query.Where(q => q.Key != "p").ToDictionary(q => q.Key, q => q.Value);
        query["p"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return request.Path + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
