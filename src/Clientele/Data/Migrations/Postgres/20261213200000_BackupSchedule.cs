using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <summary>The owner's schedule of the daily backup (ADR 033): on or off, the hour in the company's time zone, how many are kept.</summary>
    [DbContext(typeof(PostgresClienteleDb))]
    [Migration("20261213200000_BackupSchedule")]
    public partial class BackupSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BackupSchedule",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Hour = table.Column<int>(type: "integer", nullable: false),
                    Keep = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackupSchedule", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "BackupSchedule");
        }
    }
}
