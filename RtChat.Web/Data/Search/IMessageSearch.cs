namespace RtChat.Web.Data.Search;

/// <summary>What to look for, and where: only rooms <paramref name="ReaderId"/> may read, narrowed by room and author.</summary>
/// <param name="BeforeId">Only messages older than this one (the next page of results).</param>
public sealed record SearchQuery(string ReaderId, SearchTerms Terms, int? RoomId = null, string? AuthorId = null, long? BeforeId = null);

/// <summary>A message found, with its extract marked as <see cref="MarkedSnippet"/> describes.</summary>
public sealed record SearchHit(long MessageId, string Snippet);

/// <summary>Finds messages by their words, newest first; one implementation per database provider.</summary>
public interface IMessageSearch
{
    Task<IReadOnlyList<SearchHit>> FindAsync(SearchQuery query, int limit, CancellationToken cancellationToken = default);
}
