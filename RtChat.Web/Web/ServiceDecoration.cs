namespace RtChat.Web.Web;

public static class ServiceDecoration
{
    /// <summary>
    /// Puts a <typeparamref name="TDecorator"/> (given the framework's one, its other needs from the container) in front
    /// of the framework's registered <typeparamref name="TService"/>, a singleton made from its type; call after
    /// everything that registers it.
    /// </summary>
    public static IServiceCollection Decorate<TService, TDecorator>(this IServiceCollection services)
        where TService : class where TDecorator : TService
    {
        var registered = services.Last(s => s.ServiceType == typeof(TService));
        services.Remove(registered);
        return services.AddSingleton<TService>(provider => ActivatorUtilities.CreateInstance<TDecorator>(provider,
            (TService)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)));
    }
}
