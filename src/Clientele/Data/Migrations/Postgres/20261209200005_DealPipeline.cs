using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <summary>
    /// Deals on an owner-edited pipeline (ADR 025), and the eight default stages; a default stage's name is its kind
    /// (PipelineText), worded in each reader's language.
    /// </summary>
    [DbContext(typeof(PostgresClienteleDb))]
    [Migration("20261209200005_DealPipeline")]
    public partial class DealPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PipelineStages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Probability = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PipelineStages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Deals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ManagerId = table.Column<long>(type: "bigint", nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    ExpectedCloseOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StageId = table.Column<long>(type: "bigint", nullable: false),
                    StageEnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LostReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PurchaseId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deals_AspNetUsers_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Deals_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Deals_PipelineStages_StageId",
                        column: x => x.StageId,
                        principalTable: "PipelineStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Deals_Purchases_PurchaseId",
                        column: x => x.PurchaseId,
                        principalTable: "Purchases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ClientId_Id",
                table: "Deals",
                columns: new[] { "ClientId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ManagerId",
                table: "Deals",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_PurchaseId",
                table: "Deals",
                column: "PurchaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_StageId_Id",
                table: "Deals",
                columns: new[] { "StageId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PipelineStages_Position",
                table: "PipelineStages",
                column: "Position");

            // The encoded kinds of Message.Encode: record separator, marker type, unit separator, key.
            var created = new DateTime(2026, 12, 9, 20, 0, 0, DateTimeKind.Utc);
            var defaults = new (string Name, int Probability, int Outcome)[]
            {
                ("New", 10, 0), ("Qualified", 20, 0), ("Needs identified", 30, 0), ("Proposal", 50, 0),
                ("Negotiation", 70, 0), ("Contract", 90, 0), ("Won", 100, 1), ("Lost", 0, 2),
            };
            for (var i = 0; i < defaults.Length; i++)
                migrationBuilder.InsertData(
                    table: "PipelineStages",
                    columns: new[] { "Name", "Position", "Probability", "Outcome", "CreatedAt", "UpdatedAt", "Version" },
                    // This migration carries no model of its own (no designer file), so the columns' types are given.
                    columnTypes: new[] { "character varying(200)", "integer", "integer", "integer", "timestamp with time zone", "timestamp with time zone", "bigint" },
                    values: new object[] { "\u001EClientele.Features.Pipeline.PipelineText\u001F" + defaults[i].Name, (i + 1) * 10, defaults[i].Probability, defaults[i].Outcome, created, created, 1L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Deals");

            migrationBuilder.DropTable(
                name: "PipelineStages");
        }
    }
}
