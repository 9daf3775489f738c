using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LoyaltyLadderAndLostClients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Score",
                table: "Interactions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChurnReasons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChurnReasons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClientLoyalty",
                columns: table => new
                {
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AdvocateMarkedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ModelLostFrom = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousStage = table.Column<int>(type: "INTEGER", nullable: true)
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
                name: "Competitors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    MergedIntoId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Competitors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Competitors_Competitors_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Competitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LoyaltySettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RegularPurchases = table.Column<int>(type: "INTEGER", nullable: false),
                    PromoterScore = table.Column<int>(type: "INTEGER", nullable: false),
                    LapseFactor = table.Column<double>(type: "REAL", nullable: false),
                    MinimumLapseDays = table.Column<int>(type: "INTEGER", nullable: false),
                    TrendWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseMedianIntervalDays = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoyaltySettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClientLosses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    LostOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReasonId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompetitorId = table.Column<long>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ManagerId = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WonBackOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientLosses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientLosses_AspNetUsers_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ClientLosses_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ClientLosses_ChurnReasons_ReasonId",
                        column: x => x.ReasonId,
                        principalTable: "ChurnReasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClientLosses_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClientLosses_Competitors_CompetitorId",
                        column: x => x.CompetitorId,
                        principalTable: "Competitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChurnReasons_Code",
                table: "ChurnReasons",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClientLosses_ClientId_WonBackOn",
                table: "ClientLosses",
                columns: new[] { "ClientId", "WonBackOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientLosses_CompetitorId",
                table: "ClientLosses",
                column: "CompetitorId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientLosses_LostOn",
                table: "ClientLosses",
                column: "LostOn");

            migrationBuilder.CreateIndex(
                name: "IX_ClientLosses_ManagerId",
                table: "ClientLosses",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientLosses_ReasonId",
                table: "ClientLosses",
                column: "ReasonId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientLosses_RecordedById",
                table: "ClientLosses",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_ClientLoyalty_Stage",
                table: "ClientLoyalty",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_ClientLoyaltySteps_ClientId_Date",
                table: "ClientLoyaltySteps",
                columns: new[] { "ClientId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Competitors_MergedIntoId",
                table: "Competitors",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Competitors_Name",
                table: "Competitors",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientLosses");

            migrationBuilder.DropTable(
                name: "ClientLoyalty");

            migrationBuilder.DropTable(
                name: "ClientLoyaltySteps");

            migrationBuilder.DropTable(
                name: "LoyaltySettings");

            migrationBuilder.DropTable(
                name: "ChurnReasons");

            migrationBuilder.DropTable(
                name: "Competitors");

            migrationBuilder.DropColumn(
                name: "Score",
                table: "Interactions");
        }
    }
}
