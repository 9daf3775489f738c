using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The trail is append-only in the database itself (see AuditTriggers); its own migration, because SQLite
            // rebuilds tables of the previous one.
            migrationBuilder.Sql(Clientele.Features.Audit.AuditTriggers.PostgresCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Clientele.Features.Audit.AuditTriggers.PostgresDrop);
        }
    }
}
