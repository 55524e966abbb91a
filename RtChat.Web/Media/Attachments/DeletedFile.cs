namespace RtChat.Web.Media.Attachments;

/// <summary>
/// A stored file whose attachment is gone, waiting for <see cref="FileReaper"/>. Rows are written by a database trigger
/// in the deleting transaction, so a file is never forgotten, even when the process stops right after the commit.
/// </summary>
public class DeletedFile
{
    public long Id { get; private set; }
    public string FileKey { get; private set; } = "";
}
