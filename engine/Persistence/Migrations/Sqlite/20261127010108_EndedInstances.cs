using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Engine.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParentInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ParentElementInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RootId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Variables = table.Column<string>(type: "TEXT", nullable: false)
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
