using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HandoverDealsNotesScorecard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notice",
                table: "OutboxMessages",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DealsMoved",
                table: "Handovers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<decimal>(
                name: "Clv",
                table: "HandoverClients",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(18,2)",
                oldPrecision: 18,
                oldScale: 2);

            migrationBuilder.AddColumn<long>(
                name: "IntroMailId",
                table: "HandoverClients",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HandoverNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AuthorId = table.Column<long>(type: "bigint", nullable: true),
                    WrittenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoverNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandoverNotes_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HandoverNotes_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HandoverClients_IntroMailId",
                table: "HandoverClients",
                column: "IntroMailId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverNotes_AuthorId",
                table: "HandoverNotes",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_HandoverNotes_ClientId",
                table: "HandoverNotes",
                column: "ClientId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_HandoverClients_OutboxMessages_IntroMailId",
                table: "HandoverClients",
                column: "IntroMailId",
                principalTable: "OutboxMessages",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_HandoverClients_OutboxMessages_IntroMailId",
                table: "HandoverClients");

            migrationBuilder.DropTable(
                name: "HandoverNotes");

            migrationBuilder.DropIndex(
                name: "IX_HandoverClients_IntroMailId",
                table: "HandoverClients");

            migrationBuilder.DropColumn(
                name: "Notice",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "DealsMoved",
                table: "Handovers");

            migrationBuilder.DropColumn(
                name: "IntroMailId",
                table: "HandoverClients");

            migrationBuilder.AlterColumn<decimal>(
                name: "Clv",
                table: "HandoverClients",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m,
                oldClrType: typeof(decimal),
                oldType: "numeric(18,2)",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);
        }
    }
}
