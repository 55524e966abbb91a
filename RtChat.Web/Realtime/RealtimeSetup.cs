using RtChat.Web.Data;

namespace RtChat.Web.Realtime;

public static class RealtimeSetup
{
    public static WebApplicationBuilder AddRtChatRealtime(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Kestrel keeps a request's header strings for the connection's next request; a socket has no next request
        // and would keep its handshake's (the Cookie header is KBs) for as long as it is open.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.DisableStringReuse = true);
        services.AddSingleton(builder.Configuration.GetSection(RealtimeOptions.Section).Get<RealtimeOptions>() ?? new RealtimeOptions());
        services.AddSingleton(builder.Configuration.GetSection(ChatOptions.Section).Get<ChatOptions>() ?? new ChatOptions());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LocalSockets>();
        services.AddSingleton<IBackplane, InProcessBackplane>();
        services.AddSingleton<IOtherNodes, NoOtherNodes>();
        services.AddSingleton<IPresence, InMemoryPresence>();
        services.AddSingleton<StalePresence>();
        services.AddSingleton<FragmentRenderer>();
        services.AddSingleton<ChatFrames>();
        services.AddSingleton<FragmentMarkup>();
        services.AddSingleton<IRoomBroadcaster, RoomBroadcaster>();
        services.AddSingleton<PresencePublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<PresencePublisher>());
        services.AddSingleton<TypingRooms>();
        services.AddSingleton<TypingThrottle>();
        services.AddSingleton<TypingPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<TypingPublisher>());
        services.AddSingleton<MessageCommitter>();
        services.AddHostedService(sp => sp.GetRequiredService<MessageCommitter>());
        services.AddSingleton<SendThrottle>();
        services.AddSingleton<ReactionThrottle>();
        services.AddSingleton<ChangeThrottle>();
        services.AddSingleton<SocketOpenThrottle>();
        services.AddSingleton<RoomListers>();
        services.AddSingleton<RoomEvents>();
        services.AddSingleton<ReadMarks>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadMarks>());
        services.AddSingleton<SessionChecks>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionChecks>());
        services.AddScoped<ChatHistory>();
        services.AddScoped<MessageUpdates>();
        services.AddSingleton<CatchUpFloor>();
        services.AddSingleton<MissedMessages>();
        services.AddSingleton<OutageCatchUp>();
        services.AddSingleton<ChatPosting>();
        return builder;
    }

    public static WebApplication MapRtChatRealtime(this WebApplication app)
    {
        app.UseWebSockets();
        app.Map(ChatSocketEndpoint.Path, ChatSocketEndpoint.HandleAsync);
        return app;
    }
}
