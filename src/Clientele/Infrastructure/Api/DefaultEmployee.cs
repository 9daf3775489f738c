using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Features.Interactions;
using Clientele.Features.Tasks;

namespace Clientele.Infrastructure.Api;

/// <summary>Records made through the API belong to the caller unless they say otherwise.</summary>
public static class DefaultEmployee
{
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (CurrentUser.IdOf(context.HttpContext.User) is { } me && HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            foreach (var argument in EntityBody.Inputs(context.Arguments))
            {
                if (argument is InteractionInput interaction) interaction.EmployeeId ??= me;
                if (argument is TaskInput task) task.AssigneeId ??= me;
                // A manager sees only their own clients: one they create without naming a manager is theirs, not lost to them.
                if (argument is ClientInput client && CurrentUser.RoleOf(context.HttpContext.User) == Features.Identity.EmployeeRole.Manager)
                    client.ManagerId ??= me;
            }
        }
        return await next(context);
    }
}
