using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <summary>Key-person risk and hand-overs (ADR 027): a hand-over run and its clients.</summary>
    [DbContext(typeof(PostgresClienteleDb))]
    [Migration("20261210200000_Handover")]
    public partial class Handover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Handovers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DepartingId = table.Column<long>(type: "bigint", nullable: false),
                    StartedById = table.Column<long>(type: "bigint", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TasksMoved = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Handovers_AspNetUsers_DepartingId",
                        column: x => x.DepartingId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Handovers_AspNetUsers_StartedById",
                        column: x => x.StartedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "HandoverClients",
                columns: table => new
                {
                    HandoverId = table.Column<long>(type: "bigint", nullable: false),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    AbcClass = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Contribution = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Clv = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    SuggestedId = table.Column<long>(type: "bigint", nullable: true),
                    SuccessorId = table.Column<long>(type: "bigint", nullable: true),
                    ReassignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IntroducedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IntroTaskId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoverClients", x => new { x.HandoverId, x.ClientId });
                    table.ForeignKey(
                        name: "FK_HandoverClients_AspNetUsers_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HandoverClients_AspNetUsers_SuggestedId",
                        column: x => x.SuggestedId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HandoverClients_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HandoverClients_Handovers_HandoverId",
                        column: x => x.HandoverId,
                        principalTable: "Handovers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HandoverClients_Tasks_IntroTaskId",
                        column: x => x.IntroTaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HandoverClients_ClientId",
                table: "HandoverClients",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverClients_IntroTaskId",
                table: "HandoverClients",
                column: "IntroTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverClients_SuccessorId",
                table: "HandoverClients",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverClients_SuggestedId",
                table: "HandoverClients",
                column: "SuggestedId");

            migrationBuilder.CreateIndex(
                name: "IX_Handovers_DepartingId",
                table: "Handovers",
                column: "DepartingId");

            migrationBuilder.CreateIndex(
                name: "IX_Handovers_StartedById",
                table: "Handovers",
                column: "StartedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandoverClients");

            migrationBuilder.DropTable(
                name: "Handovers");
        }
    }
}
