using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace RtChat.Web.Web;

public enum FlashKind { Success, Info, Warning, Error }

public sealed record FlashMessage(FlashKind Kind, string Text);

/// <summary>One-shot messages carried in TempData to the next page, shown by the _Flash partial.</summary>
public static class FlashTempData
{
    private const string Key = "flash";

    public static void Flash(this ITempDataDictionary tempData, FlashKind kind, string text)
    {
        var messages = Read(tempData);
        messages.Add(new FlashMessage(kind, text));
        tempData[Key] = JsonSerializer.Serialize(messages);
    }

    public static void FlashSuccess(this ITempDataDictionary tempData, string text) => tempData.Flash(FlashKind.Success, text);

    public static void FlashError(this ITempDataDictionary tempData, string text) => tempData.Flash(FlashKind.Error, text);

    public static bool HasFlashes(this ITempDataDictionary tempData) => tempData.ContainsKey(Key);

    public static IReadOnlyList<FlashMessage> TakeFlashes(this ITempDataDictionary tempData)
    {
        var messages = Read(tempData);
        tempData.Remove(Key);
        return messages;
    }

    private static List<FlashMessage> Read(ITempDataDictionary tempData) =>
        tempData.Peek(Key) is string json
            ? JsonSerializer.Deserialize<List<FlashMessage>>(json) ?? []
            : [];
}
