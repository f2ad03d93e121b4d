# HostAccessBenchmark.putLong, mode after-lazy-save, Temurin 25.0.3, C2 compile of putLong_thrpt_jmhStub (2026-12-08).
# Same shape as on JDK 17: s in [rsp+0x48], i in [rsp+0x34], both stored every iteration; the call to
# GuestMemory::slow is the 'optimized virtual_call'.
    7fc4cbf3ea1b:	4c 89 4c 24 10       	mov    QWORD PTR [rsp+0x10],r9
    7fc4cbf3ea20:	48 89 5c 24 08       	mov    QWORD PTR [rsp+0x8],rbx
    7fc4cbf3ea25:	4c 89 9c 24 90 00 00 	mov    QWORD PTR [rsp+0x90],r11
    7fc4cbf3ea2c:	00 
    7fc4cbf3ea2d:	48 89 54 24 28       	mov    QWORD PTR [rsp+0x28],rdx
    7fc4cbf3ea32:	89 7c 24 50          	mov    DWORD PTR [rsp+0x50],edi
    7fc4cbf3ea36:	48 89 34 24          	mov    QWORD PTR [rsp],rsi
    7fc4cbf3ea3a:	e9 8a 00 00 00       	jmp    0x7fc4cbf3eac9
    7fc4cbf3ea3f:	47 8b 54 dc 78       	mov    r10d,DWORD PTR [r12+r11*8+0x78]
    7fc4cbf3ea44:	45 8b c8             	mov    r9d,r8d
    7fc4cbf3ea47:	47 8b 5c d4 0c       	mov    r11d,DWORD PTR [r12+r10*8+0xc]
    7fc4cbf3ea4c:	45 3b cb             	cmp    r9d,r11d
    7fc4cbf3ea4f:	0f 83 97 02 00 00    	jae    0x7fc4cbf3ecec
    7fc4cbf3ea55:	44 8b 44 24 50       	mov    r8d,DWORD PTR [rsp+0x50]
    7fc4cbf3ea5a:	43 8b 7c c4 74       	mov    edi,DWORD PTR [r12+r8*8+0x74]
    7fc4cbf3ea5f:	49 c1 e2 03          	shl    r10,0x3
    7fc4cbf3ea63:	43 c6 44 0a 10 01    	mov    BYTE PTR [r10+r9*1+0x10],0x1
    7fc4cbf3ea69:	45 8b 5c fc 0c       	mov    r11d,DWORD PTR [r12+rdi*8+0xc]
    7fc4cbf3ea6e:	45 3b cb             	cmp    r9d,r11d
    7fc4cbf3ea71:	0f 83 11 03 00 00    	jae    0x7fc4cbf3ed88
    7fc4cbf3ea77:	c6 02 03             	mov    BYTE PTR [rdx],0x3
    7fc4cbf3ea7a:	4d 8d 14 fc          	lea    r10,[r12+rdi*8]
    7fc4cbf3ea7e:	43 c6 44 0a 10 01    	mov    BYTE PTR [r10+r9*1+0x10],0x1
    7fc4cbf3ea84:	66 0f 1f 44 00 00    	nop    WORD PTR [rax+rax*1+0x0]
    7fc4cbf3ea8a:	66 0f 1f 44 00 00    	nop    WORD PTR [rax+rax*1+0x0]
    7fc4cbf3ea90:	44 8b 54 24 50       	mov    r10d,DWORD PTR [rsp+0x50]
    7fc4cbf3ea95:	47 0f b6 5c d4 64    	movzx  r11d,BYTE PTR [r12+r10*8+0x64]
    7fc4cbf3ea9b:	45 85 db             	test   r11d,r11d
    7fc4cbf3ea9e:	0f 84 c4 01 00 00    	je     0x7fc4cbf3ec68
    7fc4cbf3eaa4:	4f 8b 54 d4 20       	mov    r10,QWORD PTR [r12+r10*8+0x20]
    7fc4cbf3eaa9:	4c 03 d1             	add    r10,rcx
    7fc4cbf3eaac:	4c 8b 5c 24 48       	mov    r11,QWORD PTR [rsp+0x48]
    7fc4cbf3eab1:	4d 89 1a             	mov    QWORD PTR [r10],r11
    7fc4cbf3eab4:	44 8b 54 24 34       	mov    r10d,DWORD PTR [rsp+0x34]
    7fc4cbf3eab9:	41 ff c2             	inc    r10d
    7fc4cbf3eabc:	41 81 fa 00 04 00 00 	cmp    r10d,0x400
    7fc4cbf3eac3:	0f 8d c1 fe ff ff    	jge    0x7fc4cbf3e98a
    7fc4cbf3eac9:	44 89 54 24 34       	mov    DWORD PTR [rsp+0x34],r10d
    7fc4cbf3eace:	4d 63 d2             	movsxd r10,r10d
    7fc4cbf3ead1:	49 bb 15 7c 4a 7f b9 	movabs r11,0x9e3779b97f4a7c15
    7fc4cbf3ead8:	79 37 9e 
    7fc4cbf3eadb:	4d 0f af d3          	imul   r10,r11
    7fc4cbf3eadf:	4c 03 94 24 90 00 00 	add    r10,QWORD PTR [rsp+0x90]
    7fc4cbf3eae6:	00 
    7fc4cbf3eae7:	4d 03 d3             	add    r10,r11
    7fc4cbf3eaea:	4d 8b da             	mov    r11,r10
    7fc4cbf3eaed:	49 c1 eb 21          	shr    r11,0x21
    7fc4cbf3eaf1:	4c 89 54 24 48       	mov    QWORD PTR [rsp+0x48],r10
    7fc4cbf3eaf6:	4d 33 da             	xor    r11,r10
    7fc4cbf3eaf9:	49 ba cd 8c 55 ed d7 	movabs r10,0xff51afd7ed558ccd
    7fc4cbf3eb00:	af 51 ff 
    7fc4cbf3eb03:	4d 0f af da          	imul   r11,r10
    7fc4cbf3eb07:	4d 8b d3             	mov    r10,r11
    7fc4cbf3eb0a:	49 c1 ea 21          	shr    r10,0x21
    7fc4cbf3eb0e:	4d 33 d3             	xor    r10,r11
    7fc4cbf3eb11:	49 bb 53 ec 85 1a fe 	movabs r11,0xc4ceb9fe1a85ec53
    7fc4cbf3eb18:	b9 ce c4 
    7fc4cbf3eb1b:	4d 0f af d3          	imul   r10,r11
    7fc4cbf3eb1f:	4d 8b da             	mov    r11,r10
    7fc4cbf3eb22:	49 c1 eb 21          	shr    r11,0x21
    7fc4cbf3eb26:	4d 33 da             	xor    r11,r10
    7fc4cbf3eb29:	49 8b cb             	mov    rcx,r11
    7fc4cbf3eb2c:	48 23 4c 24 28       	and    rcx,QWORD PTR [rsp+0x28]
    7fc4cbf3eb31:	48 85 c9             	test   rcx,rcx
    7fc4cbf3eb34:	7c 77                	jl     0x7fc4cbf3ebad
    7fc4cbf3eb36:	44 8b 54 24 50       	mov    r10d,DWORD PTR [rsp+0x50]
    7fc4cbf3eb3b:	4f 8b 54 d4 38       	mov    r10,QWORD PTR [r12+r10*8+0x38]
    7fc4cbf3eb40:	49 3b ca             	cmp    rcx,r10
    7fc4cbf3eb43:	0f 8f a3 00 00 00    	jg     0x7fc4cbf3ebec
    7fc4cbf3eb49:	4c 8b 14 24          	mov    r10,QWORD PTR [rsp]
    7fc4cbf3eb4d:	4d 23 d3             	and    r10,r11
    7fc4cbf3eb50:	0f 85 d2 00 00 00    	jne    0x7fc4cbf3ec28
    7fc4cbf3eb56:	4c 8b c1             	mov    r8,rcx
    7fc4cbf3eb59:	49 c1 e8 10          	shr    r8,0x10
    7fc4cbf3eb5d:	49 8b d8             	mov    rbx,r8
    7fc4cbf3eb60:	44 8b 5c 24 50       	mov    r11d,DWORD PTR [rsp+0x50]
    7fc4cbf3eb65:	4b 03 5c dc 58       	add    rbx,QWORD PTR [r12+r11*8+0x58]
    7fc4cbf3eb6a:	48 8b d3             	mov    rdx,rbx
    7fc4cbf3eb6d:	44 0f be 12          	movsx  r10d,BYTE PTR [rdx]
    7fc4cbf3eb71:	41 f6 c2 02          	test   r10b,0x2
    7fc4cbf3eb75:	0f 85 15 ff ff ff    	jne    0x7fc4cbf3ea90
    7fc4cbf3eb7b:	41 f6 c2 04          	test   r10b,0x4
    7fc4cbf3eb7f:	0f 84 ba fe ff ff    	je     0x7fc4cbf3ea3f
    7fc4cbf3eb85:	48 8b f5             	mov    rsi,rbp
    7fc4cbf3eb88:	ba 06 00 00 00       	mov    edx,0x6
    7fc4cbf3eb8d:	41 b8 08 00 00 00    	mov    r8d,0x8
    7fc4cbf3eb93:	4c 8b 4c 24 48       	mov    r9,QWORD PTR [rsp+0x48]
        ;; ;   {optimized virtual_call}
    7fc4cbf3eb98:	66 66 90             	data16 xchg ax,ax
    7fc4cbf3eb9b:	e8 40 7f a4 ff       	call   0x7fc4cb986ae0
        ;; ;   {post_call_nop}
    7fc4cbf3eba0:	0f 1f 84 00 98 05 00 	nop    DWORD PTR [rax+rax*1+0x2000598]
    7fc4cbf3eba7:	02 
    7fc4cbf3eba8:	e9 07 ff ff ff       	jmp    0x7fc4cbf3eab4
    7fc4cbf3ebad:	45 33 d2             	xor    r10d,r10d
    7fc4cbf3ebb0:	49 3b ca             	cmp    rcx,r10
    7fc4cbf3ebb3:	bd ff ff ff ff       	mov    ebp,0xffffffff
    7fc4cbf3ebb8:	7c 08                	jl     0x7fc4cbf3ebc2
    7fc4cbf3ebba:	40 0f 95 c5          	setne  bpl
    7fc4cbf3ebbe:	40 0f b6 ed          	movzx  ebp,bpl
    7fc4cbf3ebc2:	be 45 ff ff ff       	mov    esi,0xffffff45
