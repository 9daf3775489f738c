using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <summary>The company-wide cost to serve allocation rule (ADR 019): two settings, zero (no allocation) until the owner sets them.</summary>
    [DbContext(typeof(SqliteClienteleDb))]
    [Migration("20261207130000_CostToServeAllocation")]
    public partial class CostToServeAllocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "CostToServePerActiveMonth",
                table: "CompanySettings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "CostToServeShareOfRevenue",
                table: "CompanySettings",
                type: "TEXT",
                precision: 9,
                scale: 6,
                nullable: false,
                defaultValue: 0m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "CostToServePerActiveMonth", table: "CompanySettings");
            migrationBuilder.DropColumn(name: "CostToServeShareOfRevenue", table: "CompanySettings");
        }
    }
}
