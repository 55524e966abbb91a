using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace RtChat.Web.Media;

/// <summary>Stored files (avatars, attachments) under random keys that are never reused.</summary>
public interface IFileStore
{
    /// <summary>Stores <paramref name="content"/> and returns its new key, e.g. <c>9f0c…e1.webp</c>.</summary>
    /// <param name="extension">Lower-case letters and digits without the dot, e.g. <c>webp</c>.</param>
    Task<string> SaveAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken ct);

    /// <summary>The file's content, or null for an unknown or invalid key.</summary>
    Stream? OpenRead(string key);

    /// <summary>Deletes the file; nothing happens for null, unknown or invalid keys.</summary>
    Task DeleteAsync(string? key);

    /// <summary>Every stored file's key and when it was written (files being written are not listed).</summary>
    IEnumerable<(string Key, DateTime WrittenAtUtc)> List();
}

/// <summary>
/// Files on local disk: <c>{root}/{first two hex}/{key}</c>. A key is 32 random hex characters and an extension,
/// checked against that exact shape before it touches a path, so no key can reach outside the root.
/// </summary>
public sealed partial class FileStore : IFileStore
{
    private readonly string _root;

    public FileStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public static bool IsValidKey(string? key) => key is not null && KeyShape().IsMatch(key);

    /// <summary>The extension of a valid key (e.g. <c>webp</c>).</summary>
    public static string ExtensionOf(string key) => key[(key.LastIndexOf('.') + 1)..];

    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken ct)
    {
        if (!ExtensionShape().IsMatch(extension))
            throw new ArgumentException($"\"{extension}\" is not a valid extension: lower-case letters and digits only.", nameof(extension));
        var key = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written under a name no key can match, then renamed: readers see the whole file or none.
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, ct);
                await file.FlushAsync(ct);
            }
            File.Move(temp, path, overwrite: false);
            return key;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public Stream? OpenRead(string key)
    {
        if (!IsValidKey(key))
            return null;
        try
        {
            return new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string? key)
    {
        if (!IsValidKey(key))
            return Task.CompletedTask;
        try
        {
            File.Delete(PathOf(key!));
        }
        catch (DirectoryNotFoundException)
        {
        }
        return Task.CompletedTask;
    }

    public IEnumerable<(string Key, DateTime WrittenAtUtc)> List() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(path => (Key: Path.GetFileName(path), Path: path))
            .Where(file => IsValidKey(file.Key))
            .Select(file => (file.Key, File.GetLastWriteTimeUtc(file.Path)));

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key[..2], key));
        // The key's shape already rules this out; a second, independent check costs nothing.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"The key {key} resolves outside the media root.");
        return path;
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.[a-z0-9]{1,8}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();

    [GeneratedRegex("^[a-z0-9]{1,8}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionShape();
}
