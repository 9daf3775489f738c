using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <summary>
    /// ADR 021: a Russian organisation's KPP on the client; the client import stages the client code it matches first
    /// and the KPP split off a 1C "ИНН/КПП" cell.
    /// </summary>
    [DbContext(typeof(SqliteClienteleDb))]
    [Migration("20261208100000_TaxIdsAndClientCodes")]
    public partial class TaxIdsAndClientCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "Kpp", table: "Clients", type: "TEXT", maxLength: 9, nullable: true);
            migrationBuilder.AddColumn<string>(name: "ExternalCode", table: "ImportStagedClients", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<string>(name: "Kpp", table: "ImportStagedClients", type: "TEXT", nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "Kpp", table: "Clients");
            migrationBuilder.DropColumn(name: "ExternalCode", table: "ImportStagedClients");
            migrationBuilder.DropColumn(name: "Kpp", table: "ImportStagedClients");
        }
    }
}
