using System.Security.Cryptography;

namespace RtChat.Web.Domain.Chat;

/// <summary>The random parts of rooms: their url names and group invite codes, and the key of a private pair.</summary>
public static class RoomKeys
{
    /// <summary>Two user ids (GUID strings) and a separator; short enough for a SQL Server index key.</summary>
    public const int PairKeyMaxLength = 80;
    public const int InviteCodeLength = 22;

    // Lowercase letters and digits without look-alikes: names show in addresses people read and share.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string NewName() => RandomNumberGenerator.GetString(Alphabet, 12);

    /// <summary>Long enough that guessing one is hopeless: the code alone admits a confirmed user.</summary>
    public static string NewInviteCode() => RandomNumberGenerator.GetString(Alphabet, InviteCodeLength);

    /// <summary>The same for both orders of the two users, so the database can hold one private room per pair.</summary>
    public static string Pair(string userId, string otherId) =>
        string.CompareOrdinal(userId, otherId) < 0 ? $"{userId}|{otherId}" : $"{otherId}|{userId}";
}
