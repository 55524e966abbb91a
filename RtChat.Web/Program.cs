using RtChat.Web.Areas.Identity;
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
builder.AddRtChatRedis();

var app = builder.Build();
await app.PrepareRtChatDatabaseAsync();
app.UseRtChatWeb();
app.MapRtChatRealtime();
app.MapRtChatMedia();
app.Run();

public partial class Program;
