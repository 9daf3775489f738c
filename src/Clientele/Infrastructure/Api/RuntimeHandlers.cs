namespace Clientele.Infrastructure.Api;

/// <summary>
/// Endpoints whose handler is built when the app starts, as minimal APIs did before compile-time generation. The request
/// delegate generator (on for every other endpoint, see Clientele.csproj) is not used for:
/// the sign-in's form posts: its generated form reader touches the form before it checks the antiforgery result, and a
/// post without a valid token ends in a 500 instead of the runtime-built handler's 400. (Generic handlers, which it
/// cannot write either, are gone: the record kinds' create and replace read their body through <see cref="EntityBody"/>.)
/// Passing the handler as a <see cref="Delegate"/> is how the generator is told to leave it alone (warning RDG002).
/// </summary>
public static class RuntimeHandlers
{
    public static Delegate AtRuntime(Delegate handler) => handler;
}
