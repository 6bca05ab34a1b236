using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EndedInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "engine_ended_instances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    BusinessKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ParentInstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ParentElementInstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RootId = table.Column<Guid>(type: "uuid", nullable: false),
                    Variables = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_ended_instances", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_engine_ended_instances_BusinessKey",
                table: "engine_ended_instances",
                column: "BusinessKey");

            migrationBuilder.CreateIndex(
                name: "IX_engine_ended_instances_ProcessId_EndedAt",
                table: "engine_ended_instances",
                columns: new[] { "ProcessId", "EndedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "engine_ended_instances");
        }
    }
}
