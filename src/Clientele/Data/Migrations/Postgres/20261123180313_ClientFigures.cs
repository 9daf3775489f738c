using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClientFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "RateToBase",
                table: "ServiceCosts",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: false,
                defaultValue: 1m);

            migrationBuilder.AddColumn<decimal>(
                name: "RateToBase",
                table: "Purchases",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: false,
                defaultValue: 1m);

            migrationBuilder.AddColumn<double>(
                name: "AbcA",
                table: "CompanySettings",
                type: "double precision",
                nullable: false,
                defaultValue: 0.80000000000000004);

            migrationBuilder.AddColumn<double>(
                name: "AbcB",
                table: "CompanySettings",
                type: "double precision",
                nullable: false,
                defaultValue: 0.94999999999999996);

            migrationBuilder.AddColumn<int>(
                name: "ActiveWindowMonths",
                table: "CompanySettings",
                type: "integer",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<string>(
                name: "StrategyRules",
                table: "CompanySettings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetProfile",
                table: "CompanySettings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "XyzX",
                table: "CompanySettings",
                type: "double precision",
                nullable: false,
                defaultValue: 0.10000000000000001);

            migrationBuilder.AddColumn<double>(
                name: "XyzY",
                table: "CompanySettings",
                type: "double precision",
                nullable: false,
                defaultValue: 0.25);

            migrationBuilder.CreateTable(
                name: "ChannelSpend",
                columns: table => new
                {
                    ChannelId = table.Column<long>(type: "bigint", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelSpend", x => new { x.ChannelId, x.Month });
                    table.ForeignKey(
                        name: "FK_ChannelSpend_AcquisitionChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "AcquisitionChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClientFigures",
                columns: table => new
                {
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    Categories = table.Column<int>(type: "integer", nullable: false),
                    Revenue = table.Column<long>(type: "bigint", nullable: false),
                    CostOfGoods = table.Column<long>(type: "bigint", nullable: false),
                    Discounts = table.Column<long>(type: "bigint", nullable: false),
                    Bonuses = table.Column<long>(type: "bigint", nullable: false),
                    Kickbacks = table.Column<long>(type: "bigint", nullable: false),
                    ServiceCost = table.Column<long>(type: "bigint", nullable: false),
                    Purchases = table.Column<int>(type: "integer", nullable: false),
                    FirstPurchase = table.Column<int>(type: "integer", nullable: true),
                    LastPurchase = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientFigures", x => x.ClientId);
                    table.ForeignKey(
                        name: "FK_ClientFigures_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClientGroups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Preset = table.Column<int>(type: "integer", nullable: false),
                    Strategy = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Rule = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClientMonthFigures",
                columns: table => new
                {
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Revenue = table.Column<long>(type: "bigint", nullable: false),
                    CostOfGoods = table.Column<long>(type: "bigint", nullable: false),
                    Discounts = table.Column<long>(type: "bigint", nullable: false),
                    Bonuses = table.Column<long>(type: "bigint", nullable: false),
                    Kickbacks = table.Column<long>(type: "bigint", nullable: false),
                    ServiceCost = table.Column<long>(type: "bigint", nullable: false),
                    Purchases = table.Column<int>(type: "integer", nullable: false),
                    FirstPurchase = table.Column<int>(type: "integer", nullable: true),
                    LastPurchase = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientMonthFigures", x => new { x.ClientId, x.Month });
                    table.ForeignKey(
                        name: "FK_ClientMonthFigures_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeRates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Rate = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClientGroupMembers",
                columns: table => new
                {
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    ClientId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientGroupMembers", x => new { x.GroupId, x.ClientId });
                    table.ForeignKey(
                        name: "FK_ClientGroupMembers_ClientGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "ClientGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClientGroupMembers_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientGroupMembers_ClientId",
                table: "ClientGroupMembers",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientGroups_Name",
                table: "ClientGroups",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClientMonthFigures_Month",
                table: "ClientMonthFigures",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeRates_Currency_ValidFrom",
                table: "ExchangeRates",
                columns: new[] { "Currency", "ValidFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelSpend");

            migrationBuilder.DropTable(
                name: "ClientFigures");

            migrationBuilder.DropTable(
                name: "ClientGroupMembers");

            migrationBuilder.DropTable(
                name: "ClientMonthFigures");

            migrationBuilder.DropTable(
                name: "ExchangeRates");

            migrationBuilder.DropTable(
                name: "ClientGroups");

            migrationBuilder.DropColumn(
                name: "RateToBase",
                table: "ServiceCosts");

            migrationBuilder.DropColumn(
                name: "RateToBase",
                table: "Purchases");

            migrationBuilder.DropColumn(
                name: "AbcA",
                table: "CompanySettings");

            migrationBuilder.DropColumn(
                name: "AbcB",
                table: "CompanySettings");

            migrationBuilder.DropColumn(
                name: "ActiveWindowMonths",
                table: "CompanySettings");

            migrationBuilder.DropColumn(
                name: "StrategyRules",
                table: "CompanySettings");

            migrationBuilder.DropColumn(
                name: "TargetProfile",
                table: "CompanySettings");

            migrationBuilder.DropColumn(
                name: "XyzX",
                table: "CompanySettings");

            migrationBuilder.DropColumn(
                name: "XyzY",
                table: "CompanySettings");
        }
    }
}
