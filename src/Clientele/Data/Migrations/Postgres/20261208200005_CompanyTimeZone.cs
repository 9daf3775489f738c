using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <summary>
    /// The company's time zone (ADR 023). A base that exists keeps UTC, the days its stored figures were built in; the
    /// owner's choice of zone rebuilds them.
    /// </summary>
    [DbContext(typeof(PostgresClienteleDb))]
    [Migration("20261208200005_CompanyTimeZone")]
    public partial class CompanyTimeZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "CompanySettings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "TimeZone", table: "CompanySettings");
        }
    }
}
