namespace RtChat.Web.Media.ImageMagick;

/// <summary>ImageMagick's own account of a failure: for logs, never for users.</summary>
internal sealed class MagickException(ExceptionType severity, string operation, string detail)
    : Exception($"{operation} failed ({severity}): {detail}")
{
    public ExceptionType Severity { get; } = severity;
}
