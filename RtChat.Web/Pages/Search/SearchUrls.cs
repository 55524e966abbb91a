using Microsoft.AspNetCore.Http.Extensions;

namespace RtChat.Web.Pages.Search;

public static class SearchUrls
{
    public const string Page = "/search";

    public static string Find(string? words, string? room = null, string? author = null, long? before = null)
    {
        var query = new QueryBuilder { { "q", words ?? "" } };
        if (!string.IsNullOrEmpty(room)) query.Add("room", room);
        if (!string.IsNullOrEmpty(author)) query.Add("author", author);
        if (before is { } id) query.Add("before", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Page + query;
    }
}
