using Clientele.Features.Backup;

namespace Clientele.Features.Exports;

/// <summary>The exports this folder adds (lists that had none, clients as vCard) and the backup, mapped with their roles in one place.</summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExportsEverywhere(this RouteGroupBuilder api)
    {
        api.MapBackup();
        api.MapClientsVCard(Users.EmployeeRole.Owner, Users.EmployeeRole.Manager);
        api.MapListExports();
        return api;
    }
}
