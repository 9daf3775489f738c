using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LoyaltyLadder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Score",
                table: "Interactions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClientLoyalty",
                columns: table => new
                {
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    AdvocateMarkedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ModelLostFrom = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientLoyalty", x => x.ClientId);
                    table.ForeignKey(
                        name: "FK_ClientLoyalty_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClientLoyaltySteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    PreviousStage = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientLoyaltySteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientLoyaltySteps_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LoyaltySettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegularPurchases = table.Column<int>(type: "integer", nullable: false),
                    PromoterScore = table.Column<int>(type: "integer", nullable: false),
                    LapseFactor = table.Column<double>(type: "double precision", nullable: false),
                    MinimumLapseDays = table.Column<int>(type: "integer", nullable: false),
                    TrendWindowDays = table.Column<int>(type: "integer", nullable: false),
                    BaseMedianIntervalDays = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoyaltySettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientLoyalty_Stage",
                table: "ClientLoyalty",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_ClientLoyaltySteps_ClientId_Date",
                table: "ClientLoyaltySteps",
                columns: new[] { "ClientId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientLoyalty");

            migrationBuilder.DropTable(
                name: "ClientLoyaltySteps");

            migrationBuilder.DropTable(
                name: "LoyaltySettings");

            migrationBuilder.DropColumn(
                name: "Score",
                table: "Interactions");
        }
    }
}
