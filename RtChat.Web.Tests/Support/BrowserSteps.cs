using Microsoft.Playwright;

namespace RtChat.Web.Tests.Support;

/// <summary>Steps the browser journeys share.</summary>
public static class BrowserSteps
{
    /// <summary>Records the page's script errors and console errors (failed loads, CSP violations) into <paramref name="errors"/>.</summary>
    public static void CollectErrors(this IPage page, List<string> errors, string prefix = "")
    {
        page.PageError += (_, error) => errors.Add($"{prefix}script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Add($"{prefix}console: {message.Text} ({message.Location})");
        };
    }

    /// <summary>Fills in and submits the sign-up form; where it lands is the caller's to check.</summary>
    public static async Task SubmitSignUpAsync(this IPage page, TestUser user)
    {
        await page.GotoAsync("/Identity/Account/Register");
        await page.Locator("[name='Input.Email']").FillAsync(user.Email);
        await page.Locator("[name='Input.Username']").FillAsync(user.Username);
        await page.Locator("[name='Input.Password']").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
    }
}
