using Microsoft.Extensions.Options;
using MimeKit;

namespace RtChat.Web.Email;

/// <summary>The folder where mail is written as .eml files: the default delivery, and where SMTP failures land.</summary>
internal sealed class PickupDirectory(IOptions<EmailOptions> options, IWebHostEnvironment environment)
{
    private static readonly FormatOptions Eml = new() { NewLineFormat = NewLineFormat.Dos };

    public string Location { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    /// <summary>Writes <paramref name="message"/> and returns its file.</summary>
    public async Task<string> WriteAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Location);
        var name = Path.Combine(Location, Guid.NewGuid().ToString("N"));
        // Written under another name and then renamed, so a reader of *.eml never sees half a mail.
        await message.WriteToAsync(Eml, name + ".tmp", cancellationToken);
        File.Move(name + ".tmp", name + ".eml");
        return name + ".eml";
    }
}
