namespace RtChat.Web.Web;

public static class ServiceDecoration
{
    /// <summary>
    /// Puts <paramref name="wrap"/> around the framework's registered <typeparamref name="TService"/> (a singleton made
    /// from its type); call after everything that registers it.
    /// </summary>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> wrap)
        where TService : class
    {
        var registered = services.Last(s => s.ServiceType == typeof(TService));
        services.Remove(registered);
        return services.AddSingleton(provider =>
            wrap(provider, (TService)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)));
    }
}
