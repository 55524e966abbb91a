using Htmx;
using RtChat.Web.Data;
using RtChat.Web.Media;

namespace RtChat.Web.Pages.Profile;

/// <summary><c>/profile/edit</c>, and <c>/profile/onboarding</c> right after signing up (skippable).</summary>
// The upload is streamed by MultipartUpload; the automatic check would read (and spool) the whole form first.
[Authorize, IgnoreAntiforgeryToken]
public class EditModel(
    CurrentUser current, AppDbContext db, IImageProcessor images, IFileStore files, MediaOptions media, ProfileSaveThrottle saves,
    UploadSlots uploads) : PageModel
{
    public const string AvatarField = "Avatar";

    public Domain.Profile Profile { get; private set; } = null!;
    public string? DisplayName { get; private set; }
    public string? Info { get; private set; }
    public string? ReturnUrl { get; private set; }
    public long MaxUploadBytes => media.MaxUploadBytes;
    public bool IsOnboarding => Request.Path.StartsWithSegments("/profile/onboarding");

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (await LoadAsync(returnUrl) is { } challenge) return challenge;
        (DisplayName, Info) = (Profile.DisplayName, Profile.Info);
        return Page();
    }

    // No parameters to bind: binding one would make MVC read (and spool) the whole form before MultipartUpload streams it.
    public async Task<IActionResult> OnPostAsync()
    {
        if (await StreamedFormAntiforgery.RefusedUpFrontAsync(HttpContext)) return BadRequest();
        var returnUrl = Request.Query["returnUrl"].FirstOrDefault();
        if (await LoadAsync(returnUrl) is { } challenge) return challenge;
        if (!saves.TryAcquire(Profile.UserId))
        {
            (DisplayName, Info) = (Profile.DisplayName, Profile.Info);
            return Refuse(string.Empty, ProfileSaveThrottle.Refusal, StatusCodes.Status429TooManyRequests);
        }
        var (slot, busy) = uploads.TryTake(Profile.UserId);
        if (slot is null)
        {
            (DisplayName, Info) = (Profile.DisplayName, Profile.Info);
            return Refuse(AvatarField, busy!, StatusCodes.Status429TooManyRequests);
        }
        using var _ = slot;
        // The token (a header, or the field the form writes first) is checked before the file is read.
        var form = await MultipartUpload.ReadAsync(Request, AvatarField, media.MaxUploadBytes, HttpContext.RequestAborted,
            fields => StreamedFormAntiforgery.IsValidAsync(HttpContext, fields));
        if (form.Forged || !await StreamedFormAntiforgery.IsValidAsync(HttpContext, form))
            return BadRequest();
        (DisplayName, Info) = (form[nameof(DisplayName)], form[nameof(Info)]);
        if (form.Error is not null) return Refuse(AvatarField, form.Error);

        string? stored = null;
        if (form.File is { } upload)
        {
            try
            {
                var avatar = await images.MakeAvatarAsync(upload.Content, HttpContext.RequestAborted);
                stored = await files.SaveAsync(avatar.Bytes, avatar.Extension, HttpContext.RequestAborted);
            }
            catch (ImageRejectedException rejected)
            {
                return Refuse(AvatarField, rejected.Message);
            }
        }
        try
        {
            // Only once the image is settled does the tracked profile change: a refusal re-shows the page unchanged.
            Profile.Describe(DisplayName, Info);
            var replaced = stored is null ? null : Profile.ReplaceAvatar(stored);
            await db.SaveChangesAsync();
            await files.DeleteAsync(replaced);
        }
        catch (Exception e)
        {
            await files.DeleteAsync(stored);
            if (e is DomainRuleException rule) return Refuse(string.Empty, rule.Message);
            throw;
        }

        TempData.FlashSuccess(IsOnboarding ? "Welcome aboard! Your profile is set." : "Your profile is saved.");
        return Navigate(IsOnboarding ? Url.LocalOrHome(returnUrl) : "/profile");
    }

    private IActionResult Refuse(string field, string message, int status = StatusCodes.Status422UnprocessableEntity)
    {
        ModelState.AddModelError(field, message);
        Response.StatusCode = status;
        return Page();
    }

    private IActionResult Navigate(string url)
    {
        if (!Request.IsHtmx()) return LocalRedirect(url);
        Response.Htmx(h => h.Redirect(url));
        return new NoContentResult();
    }

    private async Task<IActionResult?> LoadAsync(string? returnUrl)
    {
        var user = await current.GetAsync();
        if (user is null) return Challenge();
        Profile = user.Profile;
        ReturnUrl = returnUrl;
        return null;
    }
}
