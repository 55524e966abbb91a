using RtChat.Web.Media;

namespace RtChat.Web.Tests.Media;

public sealed class FileStoreTests
{
    private string _root = null!;
    private FileStore _files = null!;

    [SetUp]
    public void CreateStore()
    {
        _root = Directory.CreateTempSubdirectory("rtchat-media-").FullName;
        _files = new FileStore(Path.Combine(_root, "media"));
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Saved_file_reads_back_and_is_gone_after_delete()
    {
        var key = await _files.SaveAsync("hello"u8.ToArray(), "webp", CancellationToken.None);

        Assert.That(key, Does.Match("^[0-9a-f]{32}\\.webp$"));
        await using (var stream = _files.OpenRead(key))
        {
            Assert.That(stream, Is.Not.Null);
            using var reader = new StreamReader(stream!);
            Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("hello"));
        }
        await _files.DeleteAsync(key);
        Assert.That(_files.OpenRead(key), Is.Null);
        Assert.That(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task Every_save_gets_a_new_key()
    {
        var first = await _files.SaveAsync("same"u8.ToArray(), "webp", CancellationToken.None);
        var second = await _files.SaveAsync("same"u8.ToArray(), "webp", CancellationToken.None);

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public async Task Files_live_under_the_root_with_no_temp_file_left()
    {
        var key = await _files.SaveAsync(new byte[100_000], "png", CancellationToken.None);

        var files = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).ToList();
        Assert.That(files, Has.Count.EqualTo(1));
        Assert.That(files[0], Does.StartWith(Path.Combine(_root, "media") + Path.DirectorySeparatorChar).And.EndWith(key));
    }

    [Test]
    public void Cancelled_save_leaves_nothing_behind()
    {
        Assert.That(async () => await _files.SaveAsync(new byte[100_000], "png", new CancellationToken(canceled: true)),
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [TestCase("../x")]
    [TestCase("..%2fx")]
    [TestCase("..\\x")]
    [TestCase("/etc/passwd")]
    [TestCase("00000000000000000000000000000000.webp/../../../secret.txt")]
    [TestCase("../00000000000000000000000000000000.webp")]
    [TestCase("00000000000000000000000000000000.webp\n")]
    [TestCase("00000000000000000000000000000000.WEBP")]
    [TestCase("0000000000000000000000000000000.webp")]
    [TestCase("00000000000000000000000000000000")]
    [TestCase("")]
    public async Task Keys_that_are_not_ours_are_refused(string key)
    {
        // A file outside the root that a traversal would reach, and one in the root's parent.
        var outside = Path.Combine(_root, "x");
        await File.WriteAllTextAsync(outside, "secret");

        Assert.That(FileStore.IsValidKey(key), Is.False);
        Assert.That(_files.OpenRead(key), Is.Null);
        await _files.DeleteAsync(key);
        Assert.That(File.Exists(outside), Is.True);
    }

    [Test]
    public void Absolute_path_as_key_is_refused() => Assert.That(_files.OpenRead(Path.Combine(_root, "x")), Is.Null);

    [Test]
    public async Task Deleting_nothing_is_fine()
    {
        await _files.DeleteAsync(null);
        await _files.DeleteAsync("0123456789abcdef0123456789abcdef.webp");
    }

    [TestCase("../x")]
    [TestCase(".webp")]
    [TestCase("WEBP")]
    [TestCase("")]
    [TestCase("toolongext")]
    public void Extension_must_be_plain(string extension) =>
        Assert.That(async () => await _files.SaveAsync("x"u8.ToArray(), extension, CancellationToken.None), Throws.ArgumentException);
}
