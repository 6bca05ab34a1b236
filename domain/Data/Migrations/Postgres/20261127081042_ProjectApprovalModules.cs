using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ctms.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProjectApprovalModules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreferredCulture",
                table: "AspNetUsers",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "crc_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SmoCompany = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WishedProjects = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crc_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gcp_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ScanFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MarkedExpiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gcp_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "investigator_profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Specialty = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LicenceNumber = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_investigator_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mail_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ToName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    GivenUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_outbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mail_outbox_notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notification_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "project_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_project_documents_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "document_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_document_versions_project_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "project_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "document_annotations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Page = table.Column<int>(type: "integer", nullable: true),
                    Anchor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_annotations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_document_annotations_document_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "document_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "access_rules",
                columns: new[] { "Id", "Action", "Role", "Scope" },
                values: new object[,]
                {
                    { 50, "people.manage", "admin", "AllProjects" },
                    { 51, "people.manage", "cti-director", "AllProjects" },
                    { 52, "people.manage", "cti-secretary", "AllProjects" },
                    { 53, "document.upload", "admin", "AllProjects" },
                    { 54, "document.annotate", "admin", "AllProjects" },
                    { 55, "document.upload", "cti-director", "AllProjects" },
                    { 56, "document.annotate", "cti-director", "AllProjects" },
                    { 57, "document.upload", "cti-secretary", "AllProjects" },
                    { 58, "document.annotate", "cti-secretary", "AllProjects" },
                    { 59, "document.upload", "applicant", "Project" },
                    { 60, "document.upload", "pi", "Project" },
                    { 61, "project.submit", "applicant", "Project" },
                    { 62, "project.withdraw", "applicant", "Project" },
                    { 63, "project.submit", "pi", "Project" },
                    { 64, "project.confirm.pi", "pi", "Project" },
                    { 65, "project.submit", "cti-secretary", "AllProjects" },
                    { 66, "project.review", "cti-secretary", "AllProjects" },
                    { 67, "project.withdraw", "cti-secretary", "AllProjects" },
                    { 68, "project.submit", "admin", "AllProjects" },
                    { 69, "project.review", "admin", "AllProjects" },
                    { 70, "project.withdraw", "admin", "AllProjects" },
                    { 71, "project.confirm.department", "dept-head", "AllProjects" },
                    { 72, "project.approve", "cti-director", "AllProjects" },
                    { 73, "project.withdraw", "cti-director", "AllProjects" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_crc_applications_Email",
                table: "crc_applications",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_crc_applications_Status",
                table: "crc_applications",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_document_annotations_VersionId_ResolvedAt",
                table: "document_annotations",
                columns: new[] { "VersionId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_document_versions_DocumentId_Number",
                table: "document_versions",
                columns: new[] { "DocumentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_document_versions_Sha256",
                table: "document_versions",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_gcp_certificates_UserName",
                table: "gcp_certificates",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_gcp_certificates_UserName_Issuer_CertificateNumber",
                table: "gcp_certificates",
                columns: new[] { "UserName", "Issuer", "CertificateNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_investigator_profiles_UserName",
                table: "investigator_profiles",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mail_outbox_NotificationId",
                table: "mail_outbox",
                column: "NotificationId");

            migrationBuilder.CreateIndex(
                name: "IX_mail_outbox_SentAt_GivenUpAt_NextAttemptAt",
                table: "mail_outbox",
                columns: new[] { "SentAt", "GivenUpAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notification_templates_Name_Culture",
                table: "notification_templates",
                columns: new[] { "Name", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_person_files_UserName_Kind",
                table: "person_files",
                columns: new[] { "UserName", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_project_documents_ProjectId_Code_Title",
                table: "project_documents",
                columns: new[] { "ProjectId", "Code", "Title" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crc_applications");

            migrationBuilder.DropTable(
                name: "document_annotations");

            migrationBuilder.DropTable(
                name: "gcp_certificates");

            migrationBuilder.DropTable(
                name: "investigator_profiles");

            migrationBuilder.DropTable(
                name: "mail_outbox");

            migrationBuilder.DropTable(
                name: "notification_templates");

            migrationBuilder.DropTable(
                name: "person_files");

            migrationBuilder.DropTable(
                name: "document_versions");

            migrationBuilder.DropTable(
                name: "project_documents");

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 50);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 51);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 52);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 53);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 54);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 55);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 56);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 57);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 58);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 59);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 60);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 61);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 62);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 63);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 64);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 65);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 66);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 67);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 68);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 69);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 70);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 71);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 72);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 73);

            migrationBuilder.DropColumn(
                name: "PreferredCulture",
                table: "AspNetUsers");
        }
    }
}
