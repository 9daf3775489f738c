using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Lifetime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientLifetimes",
                columns: table => new
                {
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    AsOf = table.Column<int>(type: "integer", nullable: false),
                    Frequency = table.Column<double>(type: "double precision", nullable: false),
                    Recency = table.Column<double>(type: "double precision", nullable: false),
                    Age = table.Column<double>(type: "double precision", nullable: false),
                    MeanRepeatValue = table.Column<long>(type: "bigint", nullable: false),
                    AliveProbability = table.Column<double>(type: "double precision", nullable: true),
                    ExpectedPurchases90Days = table.Column<double>(type: "double precision", nullable: true),
                    ExpectedAverageValue = table.Column<long>(type: "bigint", nullable: true),
                    MarginRate = table.Column<double>(type: "double precision", nullable: false),
                    Clv = table.Column<long>(type: "bigint", nullable: true),
                    UsualIntervalDays = table.Column<double>(type: "double precision", nullable: true),
                    LastPurchase = table.Column<int>(type: "integer", nullable: false),
                    DaysSinceLastPurchase = table.Column<int>(type: "integer", nullable: false),
                    AbcClass = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    AtRiskSince = table.Column<int>(type: "integer", nullable: true),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    EpisodeTaskId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientLifetimes", x => x.ClientId);
                    table.ForeignKey(
                        name: "FK_ClientLifetimes_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClientLifetimes_Tasks_EpisodeTaskId",
                        column: x => x.EpisodeTaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LifetimeFits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AsOf = table.Column<int>(type: "integer", nullable: false),
                    FittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Clients = table.Column<int>(type: "integer", nullable: false),
                    R = table.Column<double>(type: "double precision", nullable: true),
                    Alpha = table.Column<double>(type: "double precision", nullable: true),
                    A = table.Column<double>(type: "double precision", nullable: true),
                    B = table.Column<double>(type: "double precision", nullable: true),
                    LogLikelihood = table.Column<double>(type: "double precision", nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SpendClients = table.Column<int>(type: "integer", nullable: false),
                    P = table.Column<double>(type: "double precision", nullable: true),
                    Q = table.Column<double>(type: "double precision", nullable: true),
                    Gamma = table.Column<double>(type: "double precision", nullable: true),
                    SpendLogLikelihood = table.Column<double>(type: "double precision", nullable: true),
                    FrequencyValueCorrelation = table.Column<double>(type: "double precision", nullable: true),
                    SpendError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AtRisk = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifetimeFits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LifetimeSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    AliveThreshold = table.Column<double>(type: "double precision", nullable: false),
                    LostThreshold = table.Column<double>(type: "double precision", nullable: false),
                    IntervalFactor = table.Column<double>(type: "double precision", nullable: false),
                    MinSilenceDays = table.Column<int>(type: "integer", nullable: false),
                    HorizonMonths = table.Column<int>(type: "integer", nullable: false),
                    AnnualDiscountRate = table.Column<double>(type: "double precision", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    JobHourUtc = table.Column<int>(type: "integer", nullable: false),
                    TaskClasses = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifetimeSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientLifetimes_EpisodeTaskId",
                table: "ClientLifetimes",
                column: "EpisodeTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientLifetimes_Reason_Clv",
                table: "ClientLifetimes",
                columns: new[] { "Reason", "Clv" });

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_Name_StartedAt",
                table: "JobRuns",
                columns: new[] { "Name", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LifetimeFits_FittedAt",
                table: "LifetimeFits",
                column: "FittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientLifetimes");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "LifetimeFits");

            migrationBuilder.DropTable(
                name: "LifetimeSettings");
        }
    }
}
