using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <summary>
    /// The append-only triggers again, now allowing one update: an erasure's redaction of an entry's detail (see
    /// AuditTriggers, ADR 014). No model change, hence no designer file.
    /// </summary>
    [DbContext(typeof(PostgresClienteleDb))]
    [Migration("20261206161000_AuditRedaction")]
    public partial class AuditRedaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Clientele.Features.Audit.AuditTriggers.PostgresDrop);
            migrationBuilder.Sql(Clientele.Features.Audit.AuditTriggers.PostgresCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The earlier triggers refused the redaction as well; keeping the current ones on the way down loses nothing.
        }
    }
}
