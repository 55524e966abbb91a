using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Profile;

/// <summary>At most <c>RateLimits:ProfileSavesPerMinute</c> profile saves per user, checked before the upload is read.</summary>
public sealed class ProfileSaveThrottle(RateLimits limits) : UserThrottle(limits.ProfileSavesPerMinute, TimeSpan.FromMinutes(1))
{
    public const string Refusal = "You're saving your profile too often. Wait a minute, then save again.";
}
