using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DealStageHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DealStageChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DealId = table.Column<long>(type: "bigint", nullable: false),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    ManagerId = table.Column<long>(type: "bigint", nullable: true),
                    FromStageId = table.Column<long>(type: "bigint", nullable: true),
                    ToStageId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealStageChanges_AspNetUsers_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DealStageChanges_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DealStageChanges_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DealStageChanges_PipelineStages_FromStageId",
                        column: x => x.FromStageId,
                        principalTable: "PipelineStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DealStageChanges_PipelineStages_ToStageId",
                        column: x => x.ToStageId,
                        principalTable: "PipelineStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChanges_At",
                table: "DealStageChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChanges_ClientId",
                table: "DealStageChanges",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChanges_DealId_Id",
                table: "DealStageChanges",
                columns: new[] { "DealId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChanges_FromStageId",
                table: "DealStageChanges",
                column: "FromStageId");

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChanges_ManagerId",
                table: "DealStageChanges",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChanges_ToStageId",
                table: "DealStageChanges",
                column: "ToStageId");

            // The deals already on the board start their history at the stage they are at, entered when they reached it.
            migrationBuilder.Sql(@"INSERT INTO ""DealStageChanges"" (""DealId"", ""ClientId"", ""ManagerId"", ""FromStageId"", ""ToStageId"", ""At"") SELECT ""Id"", ""ClientId"", ""ManagerId"", NULL, ""StageId"", ""StageEnteredAt"" FROM ""Deals"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DealStageChanges");
        }
    }
}
