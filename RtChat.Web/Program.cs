using RtChat.Web.Areas.Admin;
using RtChat.Web.Areas.Identity;
using RtChat.Web.Cli;
using RtChat.Web.Data;
using RtChat.Web.Email;
using RtChat.Web.Media;
using RtChat.Web.Realtime;

var builder = WebApplication.CreateBuilder(args);
builder.AddRtChatData();
builder.AddRtChatAccounts();
builder.AddRtChatEmail();
builder.AddRtChatWeb();
builder.AddRtChatRealtime();
builder.AddRtChatMedia();
builder.AddRtChatAdmin();
builder.AddRtChatRedis();
if (await builder.RunRtChatCommandAsync(args) is { } exitCode) return exitCode;

var app = builder.Build();
await app.PrepareRtChatDatabaseAsync();
app.UseRtChatWeb();
app.MapRtChatRealtime();
app.MapRtChatMedia();
app.Run();
return 0;

public partial class Program;
