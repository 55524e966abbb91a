using RtChat.Web.Areas.Identity;
using RtChat.Web.Data;
using RtChat.Web.Email;
using RtChat.Web.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRtChatData();
builder.AddRtChatAccounts();
builder.AddRtChatEmail();
builder.AddRtChatWeb();

var app = builder.Build();
await app.PrepareRtChatDatabaseAsync();
app.UseRtChatWeb();
app.Run();

public partial class Program;
